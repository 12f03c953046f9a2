/* WINE ONLY - never shipped. A stand-in for Windows' icuuc.dll (the system ICU of Windows 10 1703+),
 * which Wine 8 lacks and Qt 6.10+'s Qt6Core.dll imports (20 ucnv_* functions, for QStringConverter's
 * legacy encodings). packaging/wine_build.py compiles it with mingw-w64 into the *Wine prefix's*
 * system32 for the build and the checks; the bundle and the installer never contain it (the checks
 * prove that). Every converter is "not available": ucnv_open fails, so Qt keeps to its built-in
 * UTF-8/UTF-16/Latin-1 codecs, which are all goalform uses. */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4

#define EXPORT __declspec(dllexport)

EXPORT void *ucnv_open(const char *name, UErrorCode *err) { (void)name; if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR; return NULL; }
EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; (void)err; return ""; }
EXPORT void ucnv_getToUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
EXPORT void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
EXPORT void ucnv_setToUCallBack(void *c, void *n, const void *x, void **o, const void **ox, UErrorCode *e) { (void)c; (void)n; (void)x; (void)o; (void)ox; (void)e; }
EXPORT void ucnv_setFromUCallBack(void *c, void *n, const void *x, void **o, const void **ox, UErrorCode *e) { (void)c; (void)n; (void)x; (void)o; (void)ox; (void)e; }
EXPORT void ucnv_cbToUWriteUChars(void *a, const void *s, int32_t l, int32_t o, UErrorCode *e) { (void)a; (void)s; (void)l; (void)o; (void)e; }
EXPORT void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *l, int32_t o, UErrorCode *e) { (void)a; (void)s; (void)l; (void)o; (void)e; }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const void *s, int32_t l, int32_t p, int r, UErrorCode *e) { (void)c; (void)a; (void)s; (void)l; (void)p; (void)r; (void)e; }
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const char *s, int32_t l, int r, UErrorCode *e) { (void)c; (void)a; (void)s; (void)l; (void)r; (void)e; }
EXPORT void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl, int32_t *o, int8_t f, UErrorCode *e) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; if (e && *e <= 0) *e = U_FILE_ACCESS_ERROR; }
EXPORT void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl, int32_t *o, int8_t f, UErrorCode *e) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; if (e && *e <= 0) *e = U_FILE_ACCESS_ERROR; }
EXPORT int32_t ucnv_toUCountPending(const void *c, UErrorCode *e) { (void)c; (void)e; return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *c, UErrorCode *e) { (void)c; (void)e; return 0; }
EXPORT const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *e) { (void)n; (void)s; (void)e; return NULL; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
