/* status.c — names for casus_status values. */
#include "casus.h"

const char *casus_status_str(casus_status status)
{
    switch (status) {
    case CASUS_OK: return "ok";
    case CASUS_ENOMEM: return "out of memory";
    case CASUS_EIO: return "input/output error";
    case CASUS_EFORMAT: return "format error";
    case CASUS_EINVAL: return "invalid argument";
    }
    return "unknown status";
}
