#!/bin/sh
# The built-in dictionaries (data/dict) on sentences written for the tests: roles that change
# hands by date, compounds with possessives, paired consultations, lone agents, datelines.
# Ends with "spec: N passed, N failed".
. tests/spec/lib/coding.sh
events() { events_on "$1" "$2"; } # DATE TEXT -> "SRC TGT CODE" lines

events 2017-06-01 "Ali Shamkhani met Nikolai Patrushev in Moscow on Monday."
check "2017: both security chiefs are government" 'grep -qx "IRNGOV RUSGOV 040" "$TMP/out" && grep -qx "RUSGOV IRNGOV 040" "$TMP/out"'
events 2024-01-24 "Ali Shamkhani met Nikolai Patrushev in Moscow on Monday."
check "2024: the former secretary no longer codes" '[ ! -s "$TMP/out" ]'
events 2024-01-24 "Ali Akbar Ahmadian and his Russian counterpart discussed security ties in Moscow."
check "compound through a possessive, consultation both ways" '[ "$(sort "$TMP/out" | tr "\n" ";")" = "IRNGOV RUSGOV 040;RUSGOV IRNGOV 040;" ]'
events 2021-03-01 "Hakan Fidan met Fuad Hussein in Baghdad on Monday."
check "2021: Turkey's intelligence chief codes SPY" 'grep -qx "TURSPY IRQGOV 040" "$TMP/out" && grep -qx "IRQGOV TURSPY 040" "$TMP/out"'
events 2024-03-01 "Hakan Fidan met Fuad Hussein in Baghdad on Monday."
check "2024: the same man as foreign minister codes GOV" 'grep -qx "TURGOV IRQGOV 040" "$TMP/out" && ! grep -q SPY "$TMP/out"'
for d in 2013-06-01:ISRMIL 2021-06-01:ISRGOV 2025-06-01:ISROPP; do
  events "${d%%:*}" "Benny Gantz criticized Hamas on Tuesday."
  check "${d%%:*}: army chief, minister, opposition leader ($d)" 'grep -qx "${d#*:} PSEREB 111" "$TMP/out"'
done
events 2023-05-01 "Kaja Kallas condemned Sergei Lavrov on Tuesday."
check "2023: Estonia's prime minister codes ESTGOV" 'grep -qx "ESTGOV RUSGOV 111" "$TMP/out"'
events 2025-05-01 "Kaja Kallas condemned Sergei Lavrov on Tuesday."
check "a prime minister who becomes the EU's High Representative codes IGOEUR" 'grep -qx "IGOEUR RUSGOV 111" "$TMP/out"'
events 2020-05-01 "Abu Mohammed al-Jolani threatened Bashar al-Assad on Tuesday."
check "2020: the rebel commander and the president under their names then" 'grep -qx "SYRREB SYRGOV 130" "$TMP/out"'
events 2025-05-01 "Ahmed al-Sharaa met Recep Tayyip Erdogan in Ankara on Tuesday."
check "2025: the same man as Syria's ruler" 'grep -qx "SYRGOV TURGOV 040" "$TMP/out"'
events 2024-01-01 "İbrahim Kalın met William Burns in Ankara on Tuesday."
check "Turkish dotless i reads as i; two spy chiefs in 2024" 'grep -qx "TURSPY USASPY 040" "$TMP/out"'
events 2024-01-24 "Gunmen killed three police officers near the Syrian border on Tuesday."
check "lone agent takes the nearest country" 'grep -qx "SYRREB SYRCOP 190" "$TMP/out"'
events 2024-01-24 "ANKARA, Turkey - Egypt condemned the shelling of Gaza by Israel."
check "dateline is no subject" 'grep -q "^EGY " "$TMP/out" && ! grep -q "^TUR" "$TMP/out"'
events 2024-01-24 "Who could say whether the talks would resume?"
check "a common word is no actor" '[ ! -s "$TMP/out" ]'

printf '%s\n' "Gunmen killed three police officers near the Syrian border on Tuesday." |
  $CASUS code --date 2024-01-24 2>/dev/null | head -1 > "$TMP/out"
check "complete record: date, place, casualties" 'grep -q "\"event_date\":\"2024-01-23\",\"date_text\":\"Tuesday\",\"place\":{\"name\":\"Syria\",\"country\":\"SYR\"" "$TMP/out" && grep -q "\"killed\":{\"n\":3,\"qual\":\"exact\"},\"injured\":null" "$TMP/out"'

events 2024-01-24 "A roadside bomb killed four Iraqi soldiers near Mosul on Monday."
check "violence without a named perpetrator: empty source" 'grep -qx " IRQMIL 18[0-9]*" "$TMP/out"'
events 2024-01-24 "Three Afghan policemen were killed in an ambush on Sunday."
check "passive without BY: the actor before the verb is the victim" 'grep -qx " AFGCOP 1[89][0-9]*" "$TMP/out"'
events 2024-01-24 "Three Afghan policemen were killed by Taliban fighters on Sunday."
check "passive with BY: the perpetrator is the source" 'grep -q "^AFGREB AFGCOP 1[89]" "$TMP/out"'
printf '%s\n' "A roadside bomb killed four Iraqi soldiers near Mosul on Monday." |
  $CASUS code --date 2024-01-24 --require-dyad 2>/dev/null > "$TMP/out"
check "--require-dyad drops incidents" '[ ! -s "$TMP/out" ]'

events 2024-01-24 "Ali Akbar Ahmadian arrived in Moscow on Monday for talks on security."
check "after IN a capital is its country" 'grep -qx "IRNGOV RUS 042" "$TMP/out" && grep -qx "RUS IRNGOV 043" "$TMP/out"'
events 2024-01-24 "Baghdad accused Washington of meddling on Monday."
check "elsewhere a capital is its government" 'grep -qx "IRQGOV USAGOV 112" "$TMP/out"'

events 2024-01-24 "Iran said Israeli troops attacked Lebanese villages on Sunday."
check "X said Y attacked Z: the reported event is Y's" '[ "$(cat "$TMP/out")" = "ISRMIL LBN 190" ]'
events 2024-01-24 "Israeli troops attacked Lebanese villages on Sunday, Iran said."
check "the attribution at the end changes nothing" '[ "$(cat "$TMP/out")" = "ISRMIL LBN 190" ]'
events 2024-01-24 "Egypt said it had accused Israel of violating the truce."
check "a pronoun in what was said stands for the speaker" '[ "$(cat "$TMP/out")" = "EGY ISR 112" ]'

events 2023-09-05 "Vladimir Putin met Recep Tayyip Erdogan in Sochi on Monday. He praised Turkey for its mediation."
check "a pronoun opening a sentence stands for the last sentence's first actor" 'grep -qx "RUSGOV TUR 051" "$TMP/out"'

events 2004-10-01 "Spanish Prime Minister Jose Luis Zapatero welcomed French President Jacques Chirac and German Chancellor Gerhard Schroeder to Madrid on Monday."
check "compound of titled members: one event each, paired" '[ "$(sort "$TMP/out" | tr "\n" ";")" = "DEUGOV ESPGOV 042;ESPGOV DEUGOV 043;ESPGOV FRAGOV 043;FRAGOV ESPGOV 042;" ]'

events 2024-01-24 "Turkish troops crossed the border and attacked Kurdish fighters in northern Iraq."
check "a clause opening with its verb shares the subject before it" 'grep -q "^TURMIL .* 190$" "$TMP/out"'

events 2024-01-24 "Cuban police arrested protesters in Havana."
check "an agent before IN and a capital is not the capital's" '[ "$(cat "$TMP/out")" = "CUBCOP CUBOPP 173" ]'

events 2024-01-24 "A Kenyan policeman was accused of beating two Ugandan traders."
check "a passive without BY names no accuser" '! grep -q " 11[0-9]*$" "$TMP/out"'
events 2024-01-24 "A Kenyan policeman was accused by Ugandan traders of beating them."
check "a passive with BY: the accuser is the source" 'grep -qx "UGA.* KENCOP 112" "$TMP/out"'
events 2024-01-24 "Chile has reportedly been criticised over its mining law."
check "an adverb between BE and the participle" '[ ! -s "$TMP/out" ]'
events 2024-01-24 "Peru is committed to its treaty with Bolivia."
check "a STATIVE participle is no passive" '! grep -q "^BOL" "$TMP/out"'
events 2024-01-24 "Norway sends aircraft to Kenya to help deploy more Somali troops."
check "ES is no ending after N: aircraft, not planes-as-plans" '! grep -q " 03[0-9]*$" "$TMP/out"'
events 2024-01-24 "Norway sent engineers to Kenya to help train Somali troops."
check "a pattern's skip stops at the next verb" '! grep -q " 19[0-9]*$" "$TMP/out"'
events 2024-01-24 "Chile offered to start border talks with Peru."
check "an infinitive after TO is part of the verb's phrase" 'grep -qx "CHL PER 036" "$TMP/out"'
events 2024-01-24 "Chile launched military strikes on Bolivian border posts."
check "a lone agent inside the verb's phrase is no target" '[ "$(cat "$TMP/out")" = "CHL BOL 190" ]'
events 2024-01-24 "Chadian rebels holding hostage two Kenyan engineers freed a driver."
check "the pattern's own word is no target" 'grep -q "^TCDREB KEN.* 18[0-9]*$" "$TMP/out"'
events 2024-01-24 "Bolivian planes bombed rebel camps on Monday."
check "planes is a noun, not PLAN_" '! grep -q "planes" "$TMP/out" && ! grep -q " 03[0-9]*$" "$TMP/out"'
events 2024-01-24 "Sudan will halt its offensive if Chadian rebels withdraw from the border."
check "after IF the subject follows the conjunction" 'grep -q "^TCDREB " "$TMP/out" || grep -q "^SDN TCDREB 087" "$TMP/out"'
events 2024-01-24 "Peru welcomed the Bolivian envoy who urged Chile to reopen the border."
check "a relative pronoun stands for the actor before it" 'grep -qx "BOL.* CHL 02[0-9]*" "$TMP/out" && ! grep -q "^PER CHL" "$TMP/out"'
events 2024-01-24 "Ugandan troops attacked a rebel camp on Monday, killing 14 militants and wounding 30 others."
check "a participle after a comma shares the subject and the target" '[ "$(sort -u "$TMP/out" | cut -c1-6 | sort -u | tr "\n" ";")" = "UGAMIL;" ] && ! grep -q " UGA " "$TMP/out"'
events 2024-01-24 "A car bomb exploded in Kampala on Monday, killing three Ugandan soldiers."
check "a participle after an incident is an incident" '! grep -q "^[A-Z]" "$TMP/out" && grep -q "^ UGAMIL 1[89]" "$TMP/out"'
events 2024-01-24 "Rebels holding hostage two Kenyan engineers said they negotiated with Somali officials on Monday."
check "what was said after an event is a clause of its own" 'grep -q " 18[0-9]*$" "$TMP/out" && grep -q " 04[0-9]*$" "$TMP/out"'

place() { # DATE TEXT -> the place name of the first event
  printf '%s\n' "$2" | $CASUS code --date "$1" 2>/dev/null | head -1 |
    sed -n 's/.*"place":{"name":"\([^"]*\)".*/\1/p' > "$TMP/out"
}
place 2024-01-24 "Poland condemned Syria for the shelling of a market in Aleppo on Monday."
check "a statement happens where its speaker is" 'grep -qx "Poland" "$TMP/out"'
place 2024-01-24 "BASRA, Iraq - A roadside bomb killed four Iraqi soldiers on Monday."
check "the dateline's city is finer than a nationality" 'grep -qx "Basra" "$TMP/out"'
place 2024-01-24 "Kenyan police arrested two French journalists on Monday."
check "a nationality is who, not where: the source's country" 'grep -qx "Kenya" "$TMP/out"'
printf '%s\n' "Gunmen stormed a police station in Kano yesterday, killing at least 12 officers." |
  $CASUS code --date 2024-01-24 2>/dev/null | head -1 > "$TMP/out"
check "yesterday, at least, a far-apart count" 'grep -q "\"event_date\":\"2024-01-23\",\"date_text\":\"yesterday\",\"place\":{\"name\":\"Kano\"" "$TMP/out" && grep -q "\"killed\":{\"n\":12,\"qual\":\"at_least\"}" "$TMP/out"'
printf '%s\n' "Kenya and Somalia signed a border agreement in Nairobi last month." |
  $CASUS code --date 2024-03-12 2>/dev/null | head -1 > "$TMP/out"
check "last month" 'grep -q "\"event_date\":\"2024-02-[0-9]*\",\"date_text\":\"last month\"" "$TMP/out"'
printf '%s\n' "BASRA, Iraq - A roadside bomb killed four Iraqi soldiers on Monday." |
  $CASUS code --date 2024-01-24 --format phoenix 2>/dev/null | sed -n 2p > "$TMP/out"
check "phoenix: place columns" '[ "$(cut -f19-23 "$TMP/out" | cut -f3,5)" = "$(printf "Basra\tIRQ")" ]'

# names of news leads: short country names, seats of government, IGOs, armed groups, role nouns
events 2024-01-24 "The US condemned Eritrea on Monday."
check "US is the United States" 'grep -qx "USA ERI 111" "$TMP/out"'
events 2004-10-01 "The Kremlin criticized the Elysee over Georgia."
check "seats of government are governments" 'grep -qx "RUSGOV FRAGOV 111" "$TMP/out"'
events 2004-10-01 "The Pentagon accused the CIA of negligence."
check "Pentagon is the military, CIA intelligence" 'grep -q "^USAMIL USASPY 112" "$TMP/out"'
events 2004-10-01 "Congo accused Burundi of arming rebels."
check "Congo alone is the DR Congo" 'grep -q "^COD BDI 112" "$TMP/out"'
events 2004-10-01 "Chechen rebels attacked a Russian convoy in Dagestan."
check "Chechen: Russia" 'grep -q "^RUSREB RUS 190" "$TMP/out"'
events 2004-10-01 "Darfur rebels met Chadian mediators on Friday."
check "Darfur: Sudan; mediators are government" 'grep -qx "SDNREB TCDGOV 040" "$TMP/out"'
events 2004-10-01 "The WTO criticized Argentina on Monday."
check "WTO is an IGO" 'grep -qx "IGOWTO ARG 111" "$TMP/out"'
events 2004-10-01 "UNICEF appealed for aid to Niger."
check "a UN agency is the UN" 'grep -q "^IGOUNO NER 02" "$TMP/out"'
events 2004-10-01 "Tamil Tigers attacked Sri Lankan troops near Jaffna."
check "Tamil Tigers: Sri Lankan rebels" 'grep -qx "LKAREB LKAMIL 190" "$TMP/out"'
events 2004-10-01 "Iraqi kidnappers freed two Lebanese hostages."
check "kidnappers named by their country" 'grep -qx "IRQ LBN 0841" "$TMP/out"'
events 2004-10-01 "Kidnappers freed two Lebanese aid workers in Baghdad."
check "unnamed kidnappers take no country from their victims" '! grep -q "^LBN" "$TMP/out"'
events 2004-10-01 "A suicide bomber killed five Kenyan soldiers."
check "an unnamed suicide bomber is no Kenyan" '! grep -q "^KEN" "$TMP/out"'
events 2004-10-01 "Israeli settlers attacked Palestinian farmers near Nablus."
check "settlers and farmers are civilians" 'grep -qx "ISRCVL PSECVL 190" "$TMP/out"'
events 2004-10-01 "Jewish settlers attacked Palestinian farmers near Nablus."
check "Jewish settlers: Israeli civilians" 'grep -qx "ISRCVL PSECVL 190" "$TMP/out"'
events 2004-10-01 "A mob attacked the Danish embassy in Damascus."
check "an unnamed mob takes no country from its target" '! grep -q "^DNK" "$TMP/out"'
events 2004-10-01 "Yemeni tribesmen kidnapped three Dutch tourists."
check "tribesmen, tourists" 'grep -qx "YEMCVL NLDCVL 181" "$TMP/out"'
events 2004-10-01 "US Marines attacked Iraqi insurgents in Fallujah."
check "marines are military" 'grep -qx "USAMIL IRQREB 190" "$TMP/out"'
events 2024-01-24 "Russian forces shelled Kharkiv on Tuesday."
check "a city of the war is its country" 'grep -qx "RUSMIL UKR 194" "$TMP/out"'
events 2024-01-24 "Chinese coast guard ships attacked Vietnamese fishermen in the South China Sea."
check "the South China Sea is no China" '[ "$(cat "$TMP/out")" = "CHNMIL VNMCVL 190" ]'
events 2024-01-24 "Latin American leaders criticized Spain."
check "Latin America is no United States" '! grep -q "USA" "$TMP/out"'
events 2004-10-01 "Knesset members criticized the Palestinian Authority."
check "legislatures by name; the Palestinian Authority governs" 'grep -qx "ISRLEG PSEGOV 111" "$TMP/out"'
events 2004-10-01 "Turkey criticized the EU."
check "an acronym at the end of a sentence" 'grep -qx "TUR IGOEUR 111" "$TMP/out"'
events 2004-10-01 "The Security Council passed a resolution demanding Syria withdraw its troops from Lebanon."
check "the Security Council alone is the UN's" 'grep -q "^IGOUNO SYR 10" "$TMP/out"'
events 2004-11-25 "Vladimir Putin congratulated Viktor Yanukovych on Thursday."
check "2004: Yanukovych is Ukraine's prime minister" 'grep -qx "RUSGOV UKRGOV 051" "$TMP/out"'
events 2009-06-01 "Vladimir Putin congratulated Viktor Yanukovych on Thursday."
check "2009: Yanukovych leads the opposition" 'grep -qx "RUSGOV UKROPP 051" "$TMP/out"'
events 2006-05-01 "Hugo Chavez criticized George W. Bush on Monday."
check "Chavez in office" 'grep -qx "VENGOV USAGOV 111" "$TMP/out"'
events 2004-10-01 "Sudan rejected a US-sponsored UN Security Council resolution."
check "US-sponsored: the resolution is the UN's" 'grep -qx "SDN IGOUNO 120" "$TMP/out"'
events 2004-10-01 "China rebuffed Powell over Taiwan."
check "2004: Powell alone is the Secretary of State" 'grep -q "^CHN USAGOV 12" "$TMP/out"'
events 2024-01-24 "The Pakistani Taliban attacked a police station in Peshawar."
check "the Pakistani Taliban are Pakistan's rebels, not Afghanistan's" 'grep -qx "PAKREB PAKCOP 190" "$TMP/out"'
events 2004-10-01 "The brother of Iraq hostage Ken Bigley met Jordanian officials in Amman."
check "an Iraq hostage is no Iraqi" '! grep -q "IRQCVL" "$TMP/out"'
events 2024-01-24 "Suicide Bomber Kills 21 Moldovan Troops in Capital"
check "a title-case headline keeps its verb" 'grep -q " MDAMIL 18[0-9]*$" "$TMP/out"'
events 2024-01-24 "Twelve Chadian Soldiers Killed in Ambush Near Border"
check "a headline's participle without BE is passive: the soldiers are the victims" 'grep -qx " TCDMIL 1[89][0-9]*" "$TMP/out"'
events 2024-01-24 "Two Malian aid workers held hostage in Niger were freed on Sunday."
check "a reduced relative is passive: no Malian hostage-taker" '! grep -q "^MLI" "$TMP/out"'
events 2024-01-24 "Two Estonian policemen wounded by Latvian smugglers near Valga"
check "a participle without BE, with BY: the smugglers are the source" 'grep -q "^LVA.* ESTCOP 1[89]" "$TMP/out"'
events 2024-01-24 "Malian rebels killed four Nigerien soldiers near the border."
check "a past tense with its object stays active" 'grep -qx "MLIREB NERMIL 190" "$TMP/out"'
events 2024-01-24 "Georgian students protested at the Russian embassy on Sunday."
check "an INTRANSITIVE verb has no passive" 'grep -qx "GEOEDU RUSGOV 141" "$TMP/out"'
events 2024-01-24 "Moldovan officials in Kyiv criticized the decision on Monday."
check "no target before the verb: a place in the subject is none" '[ ! -s "$TMP/out" ]'
events 2024-01-24 "Kenyan opposition lawmakers in Nairobi condemned Uganda on Tuesday."
check "an agent replaces the role of a capital's code" 'grep -q "^KEN[A-Z]\{3\} UGA 111" "$TMP/out" && ! grep -q "^KENGOV[A-Z]" "$TMP/out"'
events 2024-01-24 "Opposition lawmakers in Nairobi condemned Uganda on Tuesday."
check "a lone agent takes the country of a capital named as a place" 'grep -q "^KEN[A-Z]* UGA 111" "$TMP/out"'
events 2024-01-24 "Kenyan and Ugandan troops fought Somali militants near the border."
check "a reciprocal pattern does not fire when the verb has an object" 'grep -q "^KEN[A-Z]* SOMREB 190" "$TMP/out" && ! grep -q "^KEN[A-Z]* UGA" "$TMP/out"'
events 2024-01-24 "French, German and Italian officials criticized Russia."
check "attributive members share the agent after the last" '[ "$(sort "$TMP/out" | tr "\n" ";")" = "DEUGOV RUS 111;FRAGOV RUS 111;ITAGOV RUS 111;" ]'
events 2024-01-24 "The Moldovan envoy told us that Romania had criticized Ukraine."
check "a small-letter us is no US" '! grep -q "USA" "$TMP/out"'
events 2024-01-24 "The Moldovan president praised his troops in Ukraine."
check "his troops are the possessor's, not the place's" 'grep -qx "MDAGOV MDAMIL 051" "$TMP/out"'
$CASUS explain "Moldova will halt its offensive if the rebels leave the villages they attacked." > "$TMP/out" 2>&1
check "THEY stands for the first plural actor, not the first actor" 'grep -q "^ *11  they .*refers to word 7$" "$TMP/out"'
events 2024-01-24 "Moldovan suspects arrested in Romania"
check "a verb's -S form before a past tense is its plural subject" '! grep -q "^MDA[A-Z]* ROU" "$TMP/out"'
events 2024-01-24 "Moldova vowed to attack Romania."
check "what is vowed is threatened, not done" '[ "$(cat "$TMP/out")" = "MDA ROU 1384" ]'
events 2024-01-24 "Moldova's threat to invade Romania alarmed Ukraine."
check "a threat to invade is a threat of occupation" 'grep -qx "MDA ROU 1382" "$TMP/out" && ! grep -q " 19[0-9]*$" "$TMP/out"'
printf '%s\n' "Moldova vowed to attack Romania." | $CASUS code --date 2024-01-24 2>/dev/null > "$TMP/out"
check "the record's verb words include the vow" 'grep -q "\"verb_text\":{\"text\":\"vowed to attack\"" "$TMP/out"'
events 2024-01-24 "Romanian officials investigated a report that a Moldovan engineer had been abducted in Ukraine by gunmen."
check "what a report says is a clause of its own: the abduction, not an investigation of Moldova" 'grep -q " MDA 181$" "$TMP/out" && ! grep -q " 090$" "$TMP/out"'
events 2024-01-24 "Three Romanian civilians were killed in Chisinau by Moldovan troops."
check "a passive's agent is the actor after BY, not the place before it" '[ "$(cat "$TMP/out")" = "MDAMIL ROUCVL 190" ]'
events 2024-01-24 "The Palestinian Hamas movement attacked Israel."
check "a nationality before a named actor of its country gives way to it" '[ "$(cat "$TMP/out")" = "PSEREB ISR 190" ]'
events 2024-01-24 "Moldova is ready to resume talks with Romania."
check "what one is ready to do is an intent: a meeting intended" '[ "$(cat "$TMP/out")" = "MDA ROU 036" ]'
events 2024-01-24 "Moldova plans to withdraw its troops from Romania."
check "a plan to withdraw is an intent to de-escalate" '[ "$(cat "$TMP/out")" = "MDA ROU 0356" ]'
events 2024-01-24 "Moldova asked Romania to release the prisoners."
check "an appeal takes the sub-code of what it asks for; the release is not done" '[ "$(cat "$TMP/out")" = "MDA ROU 0253" ]'
events 2024-01-24 "Moldova pressed Romania to hold talks with Ukraine."
check "what was asked for codes no event of its own" '[ "$(cat "$TMP/out")" = "MDA ROU 026" ]'
events 2024-01-24 "Moldova demanded Romania return the captured soldiers."
check "a demand without TO keeps the demand's own code" '[ "$(cat "$TMP/out")" = "MDA ROU 100" ]'
events 2024-01-24 "Moldova wants Romania to release the prisoners."
check "wanting another to act is a demand with the sub-code of the act, even with no actor after it" '[ "$(cat "$TMP/out")" = "MDA ROU 1053" ]'
events 2024-01-24 "Moldova wants to join the European Union."
check "wanting to act oneself demands nothing" '[ ! -s "$TMP/out" ]'
events 2024-01-24 "Moldova urged Romania to attack Ukraine."
check "urging an attack is an appeal, and no attack" '[ "$(cat "$TMP/out")" = "MDA ROU 020" ]'
events 2024-01-24 "Moldova promised to meet Romania."
check "a promise to meet is an intent to meet" '[ "$(cat "$TMP/out")" = "MDA ROU 036" ]'

events 2024-01-24 "Moldova took over the chairmanship of the bloc from Romania."
check "taking over an office occupies no territory" '! grep -q " 192$" "$TMP/out"'
events 2024-01-24 "Moldovan rebels took over two villages in Romania."
check "taking over villages occupies territory" '[ "$(cat "$TMP/out")" = "MDAREB ROU 192" ]'
events 2024-01-24 "Romanian President Ion Vasilescu met Moldovan Foreign Minister Petru Lungu, who urged him to release the prisoners."
check "WHO after a name the dictionary lacks stands for the titled actor, and its clause is kept" 'grep -qx "MDAGOV ROUGOV 0253" "$TMP/out"'
check "a pronoun takes its referent's agent" '! grep -q " ROU 0253$" "$TMP/out"'

events 2024-01-24 "Moldovan troops backed by heavy artillery attacked rebel hideouts near the Romanian border."
check "a country across a border lends no nationality to the agents beside it" '[ "$(cat "$TMP/out")" = "MDAMIL MDAREB 190" ]'
events 2024-01-24 "Moldovan troops stationed in the border region with Romania clashed with former rebel units on Monday."
check "nor does one after BORDER REGION WITH; FORMER before a lone agent keeps it an actor" 'grep -qx "MDAMIL MDAREB 190" "$TMP/out" && ! grep -q "ROU" "$TMP/out"'

events 2024-01-24 "Moldova will halt military operations against the rebels."
check "halting military operations de-escalates" '[ "$(cat "$TMP/out")" = "MDA MDAREB 087" ]'
events 2024-01-24 "Moldova suspended its business operations in Romania."
check "suspending operations that are not military codes nothing" '[ ! -s "$TMP/out" ]'

events 2024-01-24 "Gunmen seized three Romanian engineers in the Moldovan capital Chisinau on Monday."
check "gunmen take the country of the place they act in, not of their victims" 'grep -q "^MDAREB ROU " "$TMP/out"'
events 2024-01-24 "Romanian soldiers fought insurgents loyal to a radical cleric in the Moldovan town of Orhei."
check "insurgents fought in a Moldovan town are Moldovan, not their foes' countrymen" 'grep -qx "ROUMIL MDAREB 190" "$TMP/out"'
events 2024-01-24 "The Moldovan president met protesters in Romania."
check "a place gives its country to protesters there" 'grep -qx "MDAGOV ROUOPP 040" "$TMP/out"'

events 2024-01-24 "Moldovan president urged to release Romanian prisoners"
check "a headline's URGED TO is passive: the president is asked, and asks no one" '[ ! -s "$TMP/out" ]'
events 2024-01-24 "Moldova was urged to release the Romanian prisoners."
check "what one is urged to do is not done" '! grep -q " 0841$" "$TMP/out"'

events 2024-01-24 "The Ukrainian president condemned the attacks. He extended condolences to the Moldovan government and nation over the bombings, which were carried out by a Romanian terrorist group near the border."
check "WHICH standing for no actor gives a passive no subject from an earlier clause" '! grep -q "^ROUREB UKR" "$TMP/out"'
events 2024-01-24 "Ukraine welcomed two Moldovan women who were released by Romanian kidnappers on Monday."
check "WHO before auxiliaries is the relative subject of a passive" 'grep -qx "ROU MDACVL 0841" "$TMP/out"'

events 2024-01-24 "The Moldovan president urged his supporters not to enter the capital."
check "supporters are civilians of their possessor's country" '[ "$(cat "$TMP/out")" = "MDAGOV MDACVL 020" ]'

events 2024-01-24 "Moldova has condemned Romania over the attack."
check "HAS before a verb is no negation: a member of a synonym set matches all its words before the verb" '[ "$(cat "$TMP/out")" = "MDA ROU 111" ]'
events 2024-01-24 "Moldova will meet Romania next week."
check "WILL is no WILL NOT" 'grep -qx "MDA ROU 040" "$TMP/out"'
events 2024-01-24 "Moldova has not condemned Romania over the attack."
check "HAS NOT still negates" '[ ! -s "$TMP/out" ]'

events 2024-01-24 "Gunmen attacked Romanian engineers in Tigray on Monday."
check "a conflict region names its country" '[ "$(cat "$TMP/out")" = "ETHREB ROU 190" ]'

events 2024-01-24 "Moldovan troops moved north ahead of a widely expected attack on Romanian rebels."
check "an expected attack has not happened" '[ ! -s "$TMP/out" ]'

events 2024-01-24 "The killing of three Romanian soldiers by Moldovan troops sparked protests."
check "the killing of X by Y is Y's act on X" '[ "$(cat "$TMP/out")" = "MDAMIL ROUMIL 190" ]'
events 2024-01-24 "The Moldovan president described the killing of a smuggler by the police as lawful."
check "a nominal passive names its target between OF and BY, not the clause's subject" '! grep -q " MDAGOV " "$TMP/out"'

events 2024-01-24 "The Moldovan rebels' demand for a new constitution, has been rejected by the Moldovan government."
check "a noun's event and then the verb it is subject of; a comma clause of auxiliaries and verb is no attribution" 'grep -qx "MDAREB MDAGOV 100" "$TMP/out" && grep -qx "MDAGOV MDAREB 120" "$TMP/out"'

events 2024-01-24 "A Moldovan policeman killed two Romanian tourists on Monday."
check "one person's killing is an assault (1823), not military force" '[ "$(cat "$TMP/out")" = "MDACOP ROUCVL 1823" ]'
events 2024-01-24 "Moldovan police killed two Romanian smugglers on Monday."
check "a force's killing stays 190" 'grep -q " 190$" "$TMP/out"'

events 2024-01-24 "Moldova and Romania condemned the attack on Monday."
check "a compound does not condemn itself" '[ ! -s "$TMP/out" ]'
events 2024-01-24 "Moldova and Romania signed a trade agreement on Monday."
check "a compound signs with itself" 'grep -qx "MDA ROU 057" "$TMP/out" && grep -qx "ROU MDA 057" "$TMP/out"'

events 2024-01-24 "Offering a simple thank you to Romania, Moldovan Prime Minister Ion Rusu declared on Thursday that his country is succeeding."
check "an actor after the verb is its object, not its subject" '[ ! -s "$TMP/out" ]'
events 2024-01-24 "Talks between Moldova and Romania resumed on Monday."
check "BETWEEN names who acted after a nominal event" 'grep -qx "MDA ROU 040" "$TMP/out" && grep -qx "ROU MDA 040" "$TMP/out"'

events 2024-01-24 "A Moldovan Airlines passenger plane flying from Berlin to Bucharest made an emergency landing in Romania."
check "a plane's journey is no visit" '[ ! -s "$TMP/out" ]'
events 2024-01-24 "The Moldovan foreign minister flew to Bucharest on Monday."
check "a minister's flight is a visit" 'grep -qx "MDAGOV ROUGOV 042" "$TMP/out"'

events 2024-01-24 "Moldova said Romanian troops had shelled its villages, urging Ukraine to intervene."
check "a participle after what was said is the speaker's act, by the parser" 'grep -qx "MDA UKR 020" "$TMP/out"'

events 2024-01-24 "Moldovan rebels said they would kill the Romanian hostages."
check "violence that would happen is threatened" 'grep -q "^MDAREB ROU 138" "$TMP/out" && ! grep -q " 190$" "$TMP/out"'

events 2024-01-24 "A bomb exploded outside the Romanian embassy in Chisinau, wounding ten Moldovan guards."
check "an actor after OUTSIDE, ON, AGAINST ... is no subject" '! grep -q "^ROU" "$TMP/out"'
events 2024-01-24 "Attack on Romanian convoy kills three in Moldova"
check "nor in a headline's nominal subject" '! grep -q "^ROU" "$TMP/out"'

events 2024-01-24 "The convoy has left Chisinau to visit Romania on Monday."
check "an actor after a verb the dictionaries do not code is that verb's object, not the next verb's subject" '[ ! -s "$TMP/out" ]'
events 2024-01-24 "A group of foreign diplomats visited Romania on Monday."
check "foreign diplomats are of no country nearby" '! grep -q "^ROU" "$TMP/out"'

events 2024-01-24 "Moldova shot down a Romanian proposal on Monday."
check "shooting down a proposal rejects it" '[ "$(cat "$TMP/out")" = "MDA ROU 120" ]'

echo "spec: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
