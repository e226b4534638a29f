#pragma once
// What the fuzz targets share: an invariant check that stops the run with a message, so that
// libFuzzer records the input as a crash (abort) and prints why.
#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond, ...)                                                          \
    do {                                                                              \
        if (!(cond)) {                                                                \
            std::fprintf(stderr, "invariant violated at %s:%d: %s\n  ", __FILE__, __LINE__, #cond); \
            std::fprintf(stderr, __VA_ARGS__);                                        \
            std::fputc('\n', stderr);                                                 \
            std::abort();                                                             \
        }                                                                             \
    } while (0)
