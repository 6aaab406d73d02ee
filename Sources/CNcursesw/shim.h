// The ncursesw API as Swift can import it: the wide-character API switched on (SwiftPM drops
// pkg-config's -D flags), and the macros and globals Swift 6 cannot use wrapped in functions.
#ifndef AILAB_CNCURSESW_SHIM_H
#define AILAB_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

static inline WINDOW *ailab_stdscr(void) { return stdscr; }
static inline SCREEN *ailab_newterm(const char *term) { return newterm(term, stdout, stdin); }
static inline int ailab_lines(void) { return LINES; }
static inline int ailab_cols(void) { return COLS; }
static inline int ailab_colors(void) { return COLORS; }
static inline int ailab_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t ailab_a_bold(void) { return A_BOLD; }
static inline attr_t ailab_a_dim(void) { return A_DIM; }
static inline attr_t ailab_a_reverse(void) { return A_REVERSE; }
static inline attr_t ailab_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ailab_a_normal(void) { return A_NORMAL; }

static inline mmask_t ailab_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
static inline mmask_t ailab_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t ailab_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t ailab_button5_pressed(void) { return 0; }
#endif

/// SIGRTMIN and SIGRTMAX are calls into glibc behind macros.
static inline int ailab_sigrtmin(void) { return SIGRTMIN; }
static inline int ailab_sigrtmax(void) { return SIGRTMAX; }

/// The locale's character set, for choosing Unicode or ASCII glyphs.
static inline const char *ailab_codeset(void) { return nl_langinfo(CODESET); }

/// The terminal's size from the kernel, for resize handling outside ncurses' own signal handler.
static inline int ailab_winsize(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 0;
}

#endif
