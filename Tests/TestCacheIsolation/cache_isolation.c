#define _XOPEN_SOURCE 700
#include "tp_test_cache.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char folder[4096];
static int created;

const char *tp_test_cache_folder(void) { return created ? folder : NULL; }

__attribute__((constructor)) static void tp_isolate_test_cache(void) {
    const char *temporary = getenv("TMPDIR");
    if (temporary == NULL || temporary[0] == '\0') temporary = "/tmp";
    if (snprintf(folder, sizeof folder, "%s/textpipe-test-cache-XXXXXX", temporary) >= (int)sizeof folder) return;
    if (mkdtemp(folder) == NULL) return;
    created = 1;
    setenv("TEXTPIPE_CACHE", folder, 1);
}

static int remove_entry(const char *path, const struct stat *status, int flag, struct FTW *walk) {
    (void)status; (void)flag; (void)walk;
    remove(path);
    return 0;
}

__attribute__((destructor)) static void tp_remove_test_cache(void) {
    if (created) nftw(folder, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}
