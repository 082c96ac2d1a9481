/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "bench.h"

#define N 128
static double a[N][N], b[N][N], c[N][N];

BENCH(matmul)
{
    uint32_t seed = 7;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (double)(next_random(&seed) % 1000) / 100.0;
            b[i][j] = (double)(next_random(&seed) % 1000) / 100.0;
        }
    double sum = 0;
    for (uint32_t r = 0; r < n; r++) {
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++)
                c[i][j] = 0;
            for (int k = 0; k < N; k++) {
                double x = a[i][k];
                for (int j = 0; j < N; j++)
                    c[i][j] += x * b[k][j];
            }
        }
        sum += c[r % N][(r * 7) % N];
        a[r % N][r % N] += 1.0;
    }
    return (uint32_t)(uint64_t)(sum * 100.0);
}
