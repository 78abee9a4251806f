#ifndef TP_TEST_CACHE_H
#define TP_TEST_CACHE_H

/**
 * The temporary gazetteer cache folder of this test process. Before any test
 * runs, a constructor creates it and points TEXTPIPE_CACHE at it (child
 * processes inherit it), so no test reads or writes the user's real cache.
 * A destructor removes it at exit. NULL if it could not be created.
 */
const char *tp_test_cache_folder(void);

#endif
