/* testutil.h — shared includes for the cmocka unit tests. */
#ifndef CASUS_TESTUTIL_H
#define CASUS_TESTUTIL_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#endif
