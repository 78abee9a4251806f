/*
 * tp_zlib.h — streaming gzip decompression for .gz inputs, with an opaque
 * handle so zlib's headers stay out of Swift.
 */
#ifndef TP_ZLIB_H
#define TP_ZLIB_H
#include <stdint.h>
#include <stddef.h>

typedef struct tp_gzip tp_gzip;

/** Opens `path` for reading (gzip or plain). Returns NULL when it cannot be opened. */
tp_gzip *tp_gzip_open(const char *path);
/** Reads up to `cap` decompressed bytes. Returns the count, 0 at the end, -1 on a
 *  corrupt stream, -2 when the file ends inside a gzip stream (a truncated archive).
 *  Every byte decompressed before a truncation is returned by earlier calls. */
int64_t tp_gzip_read(tp_gzip *file, uint8_t *buffer, size_t cap);
/** A description of the last error, owned by the handle. */
const char *tp_gzip_error(tp_gzip *file);
void tp_gzip_close(tp_gzip *file);
#endif
