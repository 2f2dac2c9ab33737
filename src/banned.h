/*
 * banned.h - functions this project does not use.
 *
 * Each is either unbounded (strcpy, sprintf, ...), keeps hidden state
 * (strtok, localtime, ...) or hides errors (atoi). Including this header
 * last in a .c file turns any use into a compile error that names the
 * function. Use the bounded or re-entrant alternative instead:
 * snprintf, strtok_r, localtime_r, strtol.
 */
#ifndef AMBT_BANNED_H
#define AMBT_BANNED_H

#define BANNED(func) sorry_##func##_is_banned_in_this_project

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef gets
#define gets(x) BANNED(gets)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef localtime
#define localtime(t) BANNED(localtime)
#undef gmtime
#define gmtime(t) BANNED(gmtime)
#undef ctime
#define ctime(t) BANNED(ctime)
#undef asctime
#define asctime(t) BANNED(asctime)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)

#endif
