// SPDX-License-Identifier: GPL-2.0
/*
 * Copy standard input to the console on standard output one line at a
 * time, between markers that let the host check that no line was lost:
 * the last says how many lines were printed, markers included.
 *
 * Hercules prints only the first line of each SCLP write, and the SCLP
 * tty gathers what is written within 0.1 s into one write.  A fixed pause
 * between lines loses some when the host is busy and the guest's timers
 * run late, so after each line this waits until the tty has handed
 * everything on (TIOCOUTQ reads 0): the next line then starts a write of
 * its own.  Where the output is no tty, it only pauses.
 *
 * Usage: paced [SECONDS]   (a further pause after each line; default 0)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

static double pause_s;

static void nap(double s)
{
	struct timespec ts = { (time_t)s, (long)((s - (time_t)s) * 1e9) };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* Wait until the tty has sent what it holds; give up after 10 s, which
 * the host's line count would then show.
 */
static void drain(void)
{
	int pending, tries;

	for (tries = 0; tries < 1000; tries++) {
		if (ioctl(STDOUT_FILENO, TIOCOUTQ, &pending) || pending == 0)
			break;
		nap(0.01);
	}
	nap(pause_s);
}

static void put(const char *line)
{
	fputs(line, stdout);
	fflush(stdout);
	drain();
}

int main(int argc, char **argv)
{
	char line[4096], count[64];
	unsigned long n = 0;

	if (argc > 2 || (argc == 2 && (pause_s = strtod(argv[1], NULL)) < 0)) {
		fprintf(stderr, "usage: paced [SECONDS]\n");
		return 2;
	}
	put("# series-paced-begin\n");
	n++;
	while (fgets(line, sizeof(line) - 1, stdin)) {
		/* A line longer than the buffer goes out in pieces, each a line. */
		if (!strchr(line, '\n'))
			strcat(line, "\n");
		put(line);
		n++;
	}
	snprintf(count, sizeof(count), "# series-paced-lines %lu\n", n + 1);
	put(count);
	return 0;
}
