#include "tp_zlib.h"
#include <zlib.h>
#include <stdlib.h>

struct tp_gzip { gzFile file; };

tp_gzip *tp_gzip_open(const char *path) {
    gzFile f = gzopen(path, "rb");
    if (!f) return NULL;
    gzbuffer(f, 1 << 17);
    tp_gzip *g = malloc(sizeof(tp_gzip));
    if (!g) { gzclose(f); return NULL; }
    g->file = f;
    return g;
}

int64_t tp_gzip_read(tp_gzip *g, uint8_t *buffer, size_t cap) {
    if (cap > (1u << 30)) cap = 1u << 30;
    int n = gzread(g->file, buffer, (unsigned)cap);
    if (n < 0) return -1;
    if (n == 0) {
        /* zlib returns 0 at the end of the file whether or not the last gzip
           stream was complete; Z_BUF_ERROR says it ended inside a stream. */
        int code = Z_OK;
        gzerror(g->file, &code);
        if (code == Z_BUF_ERROR) return -2;
    }
    return n;
}

const char *tp_gzip_error(tp_gzip *g) {
    int code = 0;
    const char *message = gzerror(g->file, &code);
    return message ? message : "unknown zlib error";
}

void tp_gzip_close(tp_gzip *g) {
    if (!g) return;
    gzclose(g->file);
    free(g);
}
