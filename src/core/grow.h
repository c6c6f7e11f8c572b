/* grow.h — growable arrays: the one helper every module uses to append to a malloc'ed array. */
#ifndef CASUS_CORE_GROW_H
#define CASUS_CORE_GROW_H

#include <stddef.h>

/* Makes room for at least `need` elements of `size` bytes in *array (capacity *cap).  Returns 0,
   or -1 when memory runs out (the array is then unchanged). */
int casus_grow(void **array, size_t *cap, size_t need, size_t size);

/* Appends one element: GROW_PUSH(arr, n, cap, value) evaluates to 0 or -1. */
#define CASUS_PUSH(arr, n, cap, value)                                                        \
    (casus_grow((void **)&(arr), &(cap), (n) + 1, sizeof *(arr)) ? -1 : ((arr)[(n)++] = (value), 0))

/* Duplicates a string of len bytes (NUL added); NULL when memory runs out. */
char *casus_strndup(const char *s, size_t len);

#endif
