#!/bin/sh
# The built-in verbs dictionary (data/dict/casus.verbs) on sentences written for the tests: CAMEO
# sub-codes across the roots, nominal phrases on the verb before them, paired events, negation,
# and the senses of event words that are no events.  Ends with "spec: N passed, N failed".
. tests/spec/lib/coding.sh
events() { events_on 2024-01-24 "$1"; } # TEXT -> "SRC TGT CODE" lines
has() { grep -qx "$1" "$TMP/out"; }
only() { [ "$(sort "$TMP/out" | tr '\n' ';')" = "$1" ]; }

# nominal phrases: the event is the object of a light verb
events "Japanese Prime Minister Fumio Kishida paid a visit to Australia on Tuesday."
check "paid a visit to: a visit and its hosting" 'has "JPNGOV AUS 042" && has "AUS JPNGOV 043"'
events "Indian forces carried out air strikes on Pakistan."
check "carried out air strikes on: aerial weapons (FORCES stays an agent)" 'only "INDMIL PAK 195;"'
events "The United Nations launched an investigation into war crimes in Sudan."
check "launched an investigation" 'has "IGOUNO SDN 090"'
events "The European Union imposed sanctions on Belarus on Monday."
check "imposed sanctions on" 'only "IGOEUR BLR 163;"'
events "Israel lodged a protest with Turkey."
check "lodged a protest: an official complaint, not a demonstration" 'only "ISR TUR 114;"'
events "French workers went on strike against the government."
check "went on strike: a labour strike" 'only "FRALAB FRAGOV 143;"'

# symmetric acts code both ways
events "Egypt and Sudan held talks on the Nile dam."
check "held talks: consultation both ways" 'only "EGY SDN 040;SDN EGY 040;"'
events "Kenya and Tanzania signed an agreement on cross-border trade."
check "signed an agreement: both sign" 'only "KEN TZA 057;TZA KEN 057;"'
events "Mali and Algeria exchanged prisoners on Sunday."
check "exchanged prisoners: release both ways" 'only "DZA MLI 084;MLI DZA 084;"'

# negation that flips the meaning
events "Poland will not negotiate with Belarus over the border."
check "will not negotiate: a rejection of talks" 'only "POL BLR 125;"'
events "Serbia did not rule out military action against Kosovo."
check "did not rule out military action: a threat of force" 'only "SRB XKX 138;"'

# four-digit sub-codes
events "Pakistan called on India to release the fishermen."
check "called on X to release: appeal for release" 'only "PAK IND 0253;"'
events "Nigeria demanded the resignation of the Ghanaian minister."
check "demanded the resignation: demand a change of leadership" 'has "NGA GHAGOV 1041"'
events "Iran accused Britain of spying."
check "accused of spying: espionage" 'only "IRN GBR 1125;"'
events "Hamas refused to release the Israeli hostages."
check "refused to release: refuse to yield" 'has "PSEREB ISR 1243"'
events "Japan pledged \$500 million in aid to Ukraine."
check "pledged millions: intent to give economic aid" 'only "JPN UKR 0331;"'
events "Israel lifted the blockade on Gaza."
check "lifted the blockade: ease a military blockade" 'only "ISR PSE 0872;"'
events "Armenian troops violated the ceasefire with Azerbaijan."
check "violated the ceasefire" 'only "ARMMIL AZE 196;"'

# single roots with their forms
events "A Russian court sentenced an American journalist to 16 years in prison."
check "sentenced: found guilty" 'only "RUSJUD USAMED 116;"'
events "Colombia recalled its ambassador from Israel."
check "recalled its ambassador from a country: reduce relations with it" 'grep -q "^COL ISR[A-Z]* 161$" "$TMP/out"'
events "Venezuela expelled the Spanish ambassador."
check "expelled the ambassador: relations, not deportation" 'only "VEN ESPGOV 161;"'
events "Somali militants kidnapped a Kenyan teacher."
check "kidnapped (doubled consonant)" 'only "SOMREB KENEDU 181;"'
events "Britain granted asylum to a Russian defector."
check "granted asylum" 'only "GBR RUS 075;"'
events "China vetoed the resolution on Myanmar."
check "vetoed (irregular form)" 'only "CHN MMR 129;"'
events "Morocco closed its border with Algeria."
check "closed its border: restrict movement" 'only "MAR DZA 191;"'

# event words in senses that are no events
events "Iranian riot police fired tear gas at students in Tabriz."
check "riot police are police, no riot; tear gas is repression" 'only "IRNCOP IRNEDU 175;"'
events "Egypt called Israel on Monday."
check "called ... on Monday is no appeal" '[ ! -s "$TMP/out" ]'
events "Iraq released a statement criticizing Turkey."
check "released a statement is a statement, not a release" 'only "IRQ TUR 010;"'
events "Iran faces new sanctions from the European Union."
check "faces sanctions: Iran imposes nothing" '! grep -q "^IRN .* 163$" "$TMP/out"'

events "Israeli troops killed 20 Palestinians in an air strike."
check "killed in an air strike: aerial weapons" 'only "ISRMIL PSE 195;"'
events "Sudan and Chad agreed to a seven-day ceasefire."
check "X and Y agreed to a ceasefire: both declare a truce" 'only "SDN TCD 0871;TCD SDN 0871;"'
events "Mexico's president used his speech to attack the media."
check "attacking the media is criticism, not force" '! grep -q " 19[0-9]*$" "$TMP/out"'
events "The earthquake struck eastern Turkey on Monday."
check "an earthquake strikes nobody" '[ ! -s "$TMP/out" ]'

# disasters and accidents kill, but attack nobody
events "A powerful earthquake hit the island on Sunday, killing 30 Indonesian villagers."
check "an earthquake that kills is no attack" '! grep -q " 19[0-9]$" "$TMP/out"'
events "A Greek bishop was killed in a helicopter crash near Athens."
check "killed in a crash: no attack" '! grep -q " 19[0-9]$" "$TMP/out"'
events "A bus carrying Iranian pilgrims derailed in Syria, injuring 20 Iraqi passengers."
check "an accident that injures is no attack" '! grep -q " 19[0-9]$" "$TMP/out"'
events "Zambian troops accidentally killed three Congolese civilians."
check "accidentally killed is still a killing" 'only "ZMBMIL CODCVL 190;"'

# noun senses of event words
events "Rebels released the names of three Nepali hostages."
check "released the names: no release" '! grep -q " 084" "$TMP/out"'
events "Indonesian officials released photos of the Malaysian suspects."
check "released photos: no release" '! grep -q " 084" "$TMP/out"'
events "Ecuador's trade minister met Peruvian officials on Monday."
check "trade minister: a minister, no trade" 'only "ECUGOV PERGOV 040;PERGOV ECUGOV 040;"'
events "Colombian drug trade worries Venezuela."
check "drug trade: no cooperation" '! grep -q " 061$" "$TMP/out"'
events "Chilean islanders put up storm shutters as the hurricane approached Peru."
check "storm shutters: no storming" '[ ! -s "$TMP/out" ]'
events "Kenyan rebels stormed a Ugandan police post."
check "stormed: an assault" 'only "KENREB UGACOP 190;"'
events "Iran could build a nuclear bomb within a year, Israel said."
check "a nuclear bomb is a weapon, no bombing" '! grep -q " 183$" "$TMP/out"'
events "The Serbian plan caused a storm of protest in Croatia."
check "a storm of protest is no demonstration" '! grep -q " 14[0-9]$" "$TMP/out"'
events "Malawi's president left Lilongwe for an election rally."
check "election rally: no protest" '! grep -q " 14[0-9]$" "$TMP/out"'
events "Crowds greeted Zambia's decision to free the Angolan prisoners."
check "greeted a decision: no hosting" '! grep -q " 04[23]$" "$TMP/out"'
events "Syrian troops fought to retake the airport from Turkish forces."
check "fought to: the fight is the later verb's" '! grep -q "TURMIL SYRMIL 190" "$TMP/out"'

# headline verbs
events "Japan raps China over gas drilling."
check "raps: criticize" 'only "JPN CHN 111;"'
events "The European Union chided Hungary over press freedom."
check "chided: criticize" 'only "IGOEUR HUN 111;"'
events "Ghana suspects Togo of spying."
check "suspects of spying: accuse of espionage" 'only "GHA TGO 1125;"'
events "Russia backs Serbia's position on Kosovo."
check "backs: endorse" 'has "RUS SRB 051"'
events "US-backed Afghan forces attacked Taliban fighters."
check "US-backed forces are the forces that follow" 'only "AFGMIL AFGREB 190;"'
events "Belarus backed down from its threat to close the Polish border."
check "backed down: yield" 'has "BLR POL 080"'
events "Gunmen murdered two Italian aid workers in Kabul."
check "murdered: kill by assault" 'grep -q " ITANGO 1823$" "$TMP/out"'
events "Hungary rebuffed the European Commission."
check "rebuffed: reject" 'only "HUN IGOEUR 120;"'
events "Nicaragua filed a case against Germany at the International Court of Justice."
check "filed a case: lawsuit" 'has "NIC DEU 115"'
events "Riot police fired water cannon at Georgian protesters."
check "fired water cannon: repression" 'only "GEOCOP GEOOPP 175;"'
events "Chadian troops battle Sudanese rebels near the border."
check "battle (present): fighting both ways" 'only "SDNREB TCDMIL 190;TCDMIL SDNREB 190;"'
events "Ghana faces a legal battle with Nigeria."
check "a legal battle is no fighting" '! grep -q " 19[0-9]$" "$TMP/out"'
events "Norway cancelled Liberia's debt."
check "cancelled debt: economic aid" 'only "NOR LBR 071;"'
events "Uganda reached into Kenya on Sunday, dealing a blow to the rebels."
check "dealing a blow is no deal" '! grep -q " 057$" "$TMP/out"'
events "A Danish minister launched a scathing attack on Iran."
check "a scathing attack is criticism" 'only "DNKGOV IRN 111;"'
events "Arab League foreign ministers are meeting in Jordan this week."
check "meeting in a country: the place is no party" '! grep -q " JOR " "$TMP/out" && ! grep -q " JOR$" "$TMP/out"'
events "Kenya and Somalia met in Ethiopia on Monday."
check "X and Y met in Z: X and Y consult" 'only "KEN SOM 040;SOM KEN 040;"'
events "Putin met in Sochi with the Turkish president."
check "met in a place with Y: Y" 'only "RUSGOV TURGOV 040;TURGOV RUSGOV 040;"'
events "Ethiopia targeted Eritrean commanders near the border."
check "targeted X: an attack" 'only "ETH ERIMIL 190;"'
events "Sudanese jets hit rebel targets in Darfur."
check "targets: a noun, no attack of its own" '! grep -q "SDN SDN" "$TMP/out"'
events "Eritrea was targeted by Ethiopia."
check "targeted by: no reversed attack" '! grep -q "^ERI ETH" "$TMP/out"'
events "Canada targeted Iran with new sanctions."
check "targeted with sanctions: sanctions" 'only "CAN IRN 163;"'
events "Armenia hit an Azerbaijani depot with drones."
check "hit with drones: aerial weapons" 'only "ARM AZE 195;"'
events "Azerbaijani jets hit Armenian positions."
check "jets hit: aerial weapons" 'only "AZEMIL ARM 195;"'
events "Hurricane Maria hit Dominica and Puerto Rico."
check "a hurricane hits nobody" '[ ! -s "$TMP/out" ]'
events "Togo welcomed Tinubu in Lome."
check "welcomed X in a place: hosting" 'only "NGAGOV TGO 042;TGO NGAGOV 043;"'
events "Togo welcomed Ghana's decision in a statement."
check "welcomed a decision: endorse" 'only "TGO GHA 051;"'
events "Ghana expelled a Togolese diplomat."
check "expelled a diplomat: relations" 'only "GHA TGOGOV 161;"'
events "Greece blocked North Macedonia's membership bid."
check "blocked a membership bid: reject" 'only "GRC MKD 120;"'
events "The African Union sent troops to Somalia."
check "sent troops to: a deployment to the country" 'only "IGOAFR SOM 154;"'
events "Russia sent troops into Georgia."
check "sent troops into: occupation" 'only "RUS GEO 192;"'
events "Kenya handed over two Somali suspects to Uganda."
check "handed over X to Y: cooperation with Y" 'only "KEN UGA 063;"'
events "Kenya turned two Somali suspects over to Uganda."
check "turned X over to Y: cooperation with Y" 'only "KEN UGA 063;"'
events "Morocco eased restrictions on Algerian travellers."
check "eased restrictions" 'only "MAR DZA 081;"'
events "Bangladesh seeks Indian intelligence cooperation."
check "seeks intelligence cooperation: appeal" 'has "BGD INDSPY 0214"'
events "Bolivia will seek better ties with Chile."
check "seek better ties: appeal for diplomatic cooperation" 'only "BOL CHL 022;"'
events "North Korea hurled invective at the South Korean president."
check "hurled invective: criticize" 'only "PRK KORGOV 111;"'
events "A Kenyan court acquitted five terror suspects from Somalia."
check "suspects: a noun, no accusation" '! grep -q " 112" "$TMP/out"'
events "Police opened a murder probe after two Zambian miners died in Congo."
check "murder probe: no killing" '! grep -q " 18" "$TMP/out"'
events "Chilean troops handed over food supplies to Haitian villagers."
check "handed over supplies: aid" 'grep -q "^CHLMIL HTICVL 07" "$TMP/out"'
events "Russia deployed troops to Tajikistan."
check "deployed troops to a country" 'only "RUS TJK 154;"'
events "Ukraine recalled its ambassador from Moscow."
check "recalled its ambassador from a capital" 'only "UKR RUSGOV 161;"'
events "Chile dismissed Bolivia's offer."
check "dismissed an offer: reject" 'only "CHL BOL 120;"'
events "Ghana said it would not oppose Togo's candidate."
check "would not oppose: no disapproval" '! grep -q " 110$" "$TMP/out"'
events "Serbia refused to recognize Kosovo's independence."
check "refused to recognize: reject" 'only "SRB XKX 120;"'
events "Germany did not criticize Israel on Monday."
check "did not criticize: no criticism" '! grep -q " 111$" "$TMP/out"'
events "A bomb ripped through a commuter train in Madrid, killing dozens of Spanish passengers."
check "a commuter train is no military training" '! grep -q " 062$" "$TMP/out"'
events "The Zambian president suffered a heart attack in Lusaka on Monday."
check "a heart attack is no attack" '[ ! -s "$TMP/out" ]'
events "Kenya faces the threat of another terrorist attack, the Kenyan police warned."
check "the threat of an attack is no attack" '! grep -q " 19[0-9]$" "$TMP/out"'
events "The African Union called an emergency meeting on the Malian coup."
check "an emergency meeting is no consultation" '! grep -q " 04[0-9]$" "$TMP/out"'
events "Iran fired ballistic missiles at US bases in Iraq."
check "ballistic missiles fired at a target: aerial weapons" 'has "IRN USA 195"'
events "North Korea fired a ballistic missile into the sea off Japan."
check "a ballistic missile into the sea: a show of force" 'only "PRK JPN 150;"'
events "The Nigerian army may shorten combat tours in Mali and Niger."
check "combat tours are no visits" '! grep -q " 04[23]$" "$TMP/out"'
events "A Kenyan convoy was met with gunfire near the Somali border."
check "met with gunfire is no meeting" '! grep -q " 040$" "$TMP/out"'

echo "spec: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
