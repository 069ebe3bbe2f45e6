/**
 * C source of the supervisor that runs as pid 1 of every box (bwrap --as-pid-1).
 *
 * Being the pid namespace's init matters: the kernel delivers to init only signals it has handlers for, so a program
 * that kills every process it can (kill(-1, SIGKILL)) cannot take the supervisor and its report down with it; and
 * when the supervisor exits, the kernel kills whatever is left in the box.
 * It is compiled once per machine (see helper-build.ts) rather than shipped as a binary. Inside the box it:
 * writes the task's input files, runs each step (compile, then run) with its own rlimits and wall limit, relays
 * the program's stdout and stderr as framed chunks on fd 1, feeds stdin one line at a time, and finally returns
 * the files the program created or changed. Doing this inside the box has three reasons:
 *  - /proc inside the box lists only the box's processes, so finding "a thread blocked reading our stdin pipe"
 *    is a cheap scan (see blocked_on_stdin) and catches subprocesses too;
 *  - the reads of the output pipes are synchronous here, so when the program blocks on input every byte it printed
 *    before is already relayed, and the echoed input lands exactly where a terminal would show it;
 *  - artifacts are read with O_NOFOLLOW by a process that can only see the box, never by the host following paths.
 * Nothing it reports is trusted by the host beyond "untrusted bytes with a size cap": the program shares its uid.
 *
 * Frames on fd 1: type (1 byte), step (1 byte), length (4 bytes big-endian), payload.
 *   'o' stdout chunk, 'e' stderr chunk, 'i' stdin line fed to the program, 's' step status (key=value text),
 *   'f' artifact (relative name, NUL, content), 'w' warning text.
 * Records on fd 0 (read to EOF before anything runs): type (1), name length (4 BE), name, data length (4 BE), data.
 *   'F' input file, 'I' standard input text.
 * argv: NICENESS MAX_FILES MAX_FILE_BYTES MAX_TOTAL_BYTES then per step:
 *   FEED CPU_S WALL_MS AS_MB NPROC FSIZE_MB NOFILE ARGC ARGV...   (FEED: 0 none, 1 read(2), 2 read(2) or poll(2))
 */
export const SUPERVISOR_C = String.raw`
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_SNAPSHOT 512
#define MAX_DEPTH 4

struct step { int feed; long cpu, wall_ms, as_mb, nproc, fsize_mb, nofile; char **argv; };
struct seen { char path[256]; off_t size; struct timespec mtime; };

static char *stdin_buf; static size_t stdin_len;
static struct seen snapshot[MAX_SNAPSHOT]; static int snapshot_count;
static long max_files, max_file_bytes, max_total_bytes;

static void write_all(int fd, const void *buf, size_t len) {
  const char *p = buf;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0) { if (errno == EINTR) continue; _exit(3); }
    p += n; len -= (size_t)n;
  }
}

static void frame2(char type, int step, const void *a, size_t alen, const void *b, size_t blen) {
  size_t len = alen + blen;
  unsigned char hdr[6] = { (unsigned char)type, (unsigned char)step,
    (unsigned char)(len >> 24), (unsigned char)(len >> 16), (unsigned char)(len >> 8), (unsigned char)len };
  write_all(1, hdr, 6);
  if (alen) write_all(1, a, alen);
  if (blen) write_all(1, b, blen);
}

static void frame(char type, int step, const void *data, size_t len) { frame2(type, step, data, len, NULL, 0); }

static void warnf(int step, const char *fmt, const char *arg) {
  char msg[512];
  int n = snprintf(msg, sizeof msg, fmt, arg);
  frame('w', step, msg, n < 0 ? 0 : (size_t)(n < (int)sizeof msg ? n : (int)sizeof msg - 1));
}

static int read_exact(int fd, void *buf, size_t len) {
  char *p = buf;
  while (len > 0) {
    ssize_t n = read(fd, p, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    p += n; len -= (size_t)n;
  }
  return 0;
}

static uint32_t read_u32(void) {
  unsigned char b[4];
  if (read_exact(0, b, 4) != 0) _exit(4);
  return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) | ((uint32_t)b[2] << 8) | b[3];
}

/* Input file names are plain names: the host already refused anything else, this is a second fence. */
static int safe_name(const char *name) {
  return name[0] != 0 && name[0] != '.' && strchr(name, '/') == NULL && strlen(name) < 200;
}

static void read_inputs(void) {
  unsigned char type;
  while (read_exact(0, &type, 1) == 0) {
    uint32_t name_len = read_u32();
    char *name = calloc(1, name_len + 1);
    if (!name || read_exact(0, name, name_len) != 0) _exit(4);
    uint32_t data_len = read_u32();
    char *data = malloc(data_len + 1);
    if (!data || (data_len && read_exact(0, data, data_len) != 0)) _exit(4);
    if (type == 'I') { stdin_buf = data; stdin_len = data_len; free(name); continue; }
    if (type == 'F' && safe_name(name)) {
      int fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
      if (fd < 0) _exit(5);
      write_all(fd, data, data_len);
      close(fd);
    }
    free(name); free(data);
  }
}

static long now_ms(void) {
  struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void set_limit(int resource, rlim_t soft, rlim_t hard) {
  struct rlimit rl = { soft, hard };
  if (setrlimit(resource, &rl) != 0) { perror("labmate: setrlimit"); _exit(126); }
}

static int fd_is_pipe(const char *pid, long fd, const char *want) {
  char path[96], link[64];
  snprintf(path, sizeof path, "/proc/%s/fd/%ld", pid, fd);
  ssize_t n = readlink(path, link, sizeof link - 1);
  if (n <= 0) return 0;
  link[n] = 0;
  return strcmp(link, want) == 0;
}

static int is_poll_syscall(long nr) {
  return 0
#ifdef SYS_poll
    || nr == SYS_poll
#endif
#ifdef SYS_select
    || nr == SYS_select
#endif
#ifdef SYS_epoll_wait
    || nr == SYS_epoll_wait
#endif
    || nr == SYS_ppoll || nr == SYS_pselect6 || nr == SYS_epoll_pwait
#ifdef SYS_epoll_pwait2
    || nr == SYS_epoll_pwait2
#endif
    ;
}

/*
 * Is some thread in the box waiting for our stdin pipe? /proc/PID/task/TID/syscall shows the syscall a blocked
 * thread sits in and its first argument; a read(2) on an fd that is our pipe means "the program asks for input".
 * Node reads stdin through epoll, so for FEED=2 a poll-family wait by the main thread of a process whose fd 0 is
 * our pipe counts too.
 */
static int blocked_on_stdin(ino_t pipe_ino, int allow_poll) {
  char want[48], me[24];
  snprintf(want, sizeof want, "pipe:[%lu]", (unsigned long)pipe_ino);
  snprintf(me, sizeof me, "%d", (int)getpid());
  DIR *proc = opendir("/proc");
  if (!proc) return 0;
  int found = 0;
  struct dirent *p;
  while (!found && (p = readdir(proc)) != NULL) {
    if (p->d_name[0] < '0' || p->d_name[0] > '9' || strcmp(p->d_name, me) == 0) continue;
    char task_dir[300];
    snprintf(task_dir, sizeof task_dir, "/proc/%s/task", p->d_name);
    DIR *tasks = opendir(task_dir);
    if (!tasks) continue;
    struct dirent *t;
    while (!found && (t = readdir(tasks)) != NULL) {
      if (t->d_name[0] < '0' || t->d_name[0] > '9') continue;
      char path[600], text[256];
      snprintf(path, sizeof path, "%s/%s/syscall", task_dir, t->d_name);
      int fd = open(path, O_RDONLY | O_CLOEXEC);
      if (fd < 0) continue;
      ssize_t n = read(fd, text, sizeof text - 1);
      close(fd);
      if (n <= 0) continue;
      text[n] = 0;
      long nr, arg0;
      if (sscanf(text, "%ld %lx", &nr, &arg0) != 2) continue;
      if ((nr == SYS_read || nr == SYS_readv) && fd_is_pipe(p->d_name, arg0, want)) found = 1;
      /* Only a main thread idling in its event loop counts: helper threads of a runtime poll for other reasons. */
      else if (allow_poll && strcmp(t->d_name, p->d_name) == 0 && is_poll_syscall(nr) && fd_is_pipe(p->d_name, 0, want)) found = 1;
    }
    closedir(tasks);
  }
  closedir(proc);
  return found;
}

static int relay(int *fd, char type, int step) {
  char buf[65536];
  ssize_t n = read(*fd, buf, sizeof buf);
  if (n > 0) { frame(type, step, buf, (size_t)n); return 1; }
  if (n == 0 || (errno != EAGAIN && errno != EINTR)) { close(*fd); *fd = -1; }
  return 0;
}

static void drain(int *fd, char type, int step) { while (*fd >= 0 && relay(fd, type, step)) {} }

/* Kills every process in the box but this supervisor (pid 1 of the box): nothing outlives a step. */
static void kill_box(void) { kill(-1, SIGKILL); }

/*
 * As the box's pid 1 we inherit every orphan, so we reap all children; returns 1 once pid itself was reaped
 * (its status and resource usage stored).
 */
static int reap(pid_t pid, int *status, struct rusage *usage, int flags) {
  for (;;) {
    int st; struct rusage ru;
    pid_t done = wait4(-1, &st, flags, &ru);
    if (done <= 0) return 0;
    if (done == pid) { *status = st; *usage = ru; return 1; }
  }
}

static void exec_child(const struct step *s, int in_fd, int out_fd, int err_fd) {
  signal(SIGPIPE, SIG_DFL);
  set_limit(RLIMIT_CORE, 0, 0);
  set_limit(RLIMIT_CPU, (rlim_t)s->cpu, (rlim_t)s->cpu + 1);
  if (s->as_mb > 0) set_limit(RLIMIT_AS, (rlim_t)s->as_mb << 20, (rlim_t)s->as_mb << 20);
  set_limit(RLIMIT_NPROC, (rlim_t)s->nproc, (rlim_t)s->nproc);
  set_limit(RLIMIT_FSIZE, (rlim_t)s->fsize_mb << 20, (rlim_t)s->fsize_mb << 20);
  set_limit(RLIMIT_NOFILE, (rlim_t)s->nofile, (rlim_t)s->nofile);
  dup2(in_fd, 0); dup2(out_fd, 1); dup2(err_fd, 2);
  execvp(s->argv[0], s->argv);
  dprintf(2, "labmate: cannot run %s: %s\n", s->argv[0], strerror(errno));
  _exit(127);
}

/* Runs one step to its end; returns whether it succeeded, so a failed compile stops the plan. */
static int run_step(int index, const struct step *s) {
  int out[2], err[2], in[2] = { -1, -1 };
  if (pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) _exit(6);
  int feeding = s->feed && stdin_len > 0;
  if (feeding) { if (pipe2(in, O_CLOEXEC)) _exit(6); }
  else { in[0] = open("/dev/null", O_RDONLY | O_CLOEXEC); }
  struct stat pipe_stat = { 0 };
  if (feeding) fstat(in[1], &pipe_stat);
  long start = now_ms(), deadline = start + s->wall_ms;
  pid_t pid = fork();
  if (pid < 0) _exit(7);
  if (pid == 0) exec_child(s, in[0], out[1], err[1]);
  close(out[1]); close(err[1]); close(in[0]);
  fcntl(out[0], F_SETFL, O_NONBLOCK); fcntl(err[0], F_SETFL, O_NONBLOCK);
  if (feeding) fcntl(in[1], F_SETFL, O_NONBLOCK);
  /* A pidfd turns "the program exited" into a poll event; without one (kernel < 5.3) the 20 ms tick notices. */
#ifdef SYS_pidfd_open
  int exit_fd = (int)syscall(SYS_pidfd_open, pid, 0);
#else
  int exit_fd = -1;
#endif
  size_t next = 0, pending_end = 0;
  int idle_ms = 1, blocked_checks = 0, timed_out = 0, status = 0;
  struct rusage usage = { 0 };
  for (;;) {
    /* fds[4] is our own stdout: it reports an error once nobody reads it any more. */
    struct pollfd fds[5] = { { out[0], POLLIN, 0 }, { err[0], POLLIN, 0 }, { -1, POLLOUT, 0 }, { exit_fd, POLLIN, 0 }, { 1, 0, 0 } };
    int writing = in[1] >= 0 && next < pending_end;
    if (writing) fds[2].fd = in[1];
    int waiting_for_read = in[1] >= 0 && !writing;
    long left = deadline - now_ms();
    int timeout = left <= 0 ? 0 : (int)(left < 20 ? left : 20);
    if (waiting_for_read && timeout > idle_ms) timeout = idle_ms;
    int ready = poll(fds, 5, timeout);
    if (ready < 0 && errno != EINTR) _exit(8);
    /*
     * The host is gone (it died, or killed bubblewrap before the box was bound to die with it): nothing is left to
     * report to, so nothing in the box may go on running.
     */
    if (ready > 0 && (fds[4].revents & (POLLERR | POLLHUP))) { kill_box(); _exit(3); }
    if (ready > 0) {
      if (fds[0].revents) relay(&out[0], 'o', index);
      if (fds[1].revents) relay(&err[0], 'e', index);
      if (fds[2].revents) {
        ssize_t n = write(in[1], stdin_buf + next, pending_end - next);
        if (n > 0) next += (size_t)n;
        else if (n < 0 && errno != EAGAIN && errno != EINTR) { close(in[1]); in[1] = -1; }
        if (in[1] >= 0 && next == stdin_len) { close(in[1]); in[1] = -1; }
      }
    } else if (waiting_for_read) {
      /*
       * Feed only when the previous line has been consumed (the pipe is empty) and the program has sat in the read
       * for two checks in a row: a thread just woken by the previous line can still show the read for a moment.
       */
      int queued = 0;
      int asking = ioctl(in[1], FIONREAD, &queued) == 0 && queued == 0 && blocked_on_stdin(pipe_stat.st_ino, s->feed == 2);
      blocked_checks = asking ? blocked_checks + 1 : 0;
      if (blocked_checks >= 2) {
        blocked_checks = 0;
        /* The program is blocked, so all it printed before asking is in the pipes now: relay it first. */
        drain(&out[0], 'o', index); drain(&err[0], 'e', index);
        char *nl = memchr(stdin_buf + next, '\n', stdin_len - next);
        pending_end = nl ? (size_t)(nl - stdin_buf) + 1 : stdin_len;
        frame('i', index, stdin_buf + next, pending_end - next);
        idle_ms = 1;
      } else if (!asking && idle_ms < 16) {
        idle_ms *= 2;
      }
    }
    if (reap(pid, &status, &usage, WNOHANG)) break;
    if (now_ms() >= deadline) {
      timed_out = 1;
      kill_box();
      reap(pid, &status, &usage, 0);
      break;
    }
  }
  long wall = now_ms() - start;
  if (exit_fd >= 0) close(exit_fd);
  kill_box();
  while (wait4(-1, NULL, 0, NULL) > 0) {}
  if (in[1] >= 0) close(in[1]);
  fcntl(out[0], F_SETFL, 0); fcntl(err[0], F_SETFL, 0);
  while (out[0] >= 0) relay(&out[0], 'o', index);
  while (err[0] >= 0) relay(&err[0], 'e', index);
  long cpu_ms = usage.ru_utime.tv_sec * 1000L + usage.ru_utime.tv_usec / 1000 +
                usage.ru_stime.tv_sec * 1000L + usage.ru_stime.tv_usec / 1000;
  char text[256];
  int n = snprintf(text, sizeof text, "exit=%d signal=%d timedout=%d cpu_ms=%ld wall_ms=%ld maxrss_kb=%ld",
    WIFEXITED(status) ? WEXITSTATUS(status) : -1, WIFSIGNALED(status) ? WTERMSIG(status) : 0,
    timed_out, cpu_ms, wall, usage.ru_maxrss);
  frame('s', index, text, (size_t)n);
  return !timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void take_snapshot(const char *dir, int depth) {
  DIR *d = opendir(dir[0] ? dir : ".");
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d)) != NULL && snapshot_count < MAX_SNAPSHOT) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    char path[256]; struct stat st;
    if (snprintf(path, sizeof path, "%s%s%s", dir, dir[0] ? "/" : "", e->d_name) >= (int)sizeof path) continue;
    if (lstat(path, &st) != 0) continue;
    if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH) take_snapshot(path, depth + 1);
    if (!S_ISREG(st.st_mode)) continue;
    struct seen *s = &snapshot[snapshot_count++];
    strcpy(s->path, path); s->size = st.st_size; s->mtime = st.st_mtim;
  }
  closedir(d);
}

/* Files come back in the order the program finished them; ties (same clock tick) in natural name order. */
static int by_time(const void *a, const void *b) {
  const struct seen *x = a, *y = b;
  if (x->mtime.tv_sec != y->mtime.tv_sec) return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
  if (x->mtime.tv_nsec != y->mtime.tv_nsec) return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
  return strverscmp(x->path, y->path);
}

/* Returns every regular file that is new or changed since the snapshot, within the caps. */
static void send_artifacts(int step) {
  struct seen before[MAX_SNAPSHOT];
  int before_count = snapshot_count;
  memcpy(before, snapshot, sizeof(struct seen) * (size_t)before_count);
  snapshot_count = 0;
  take_snapshot("", 0);
  qsort(snapshot, (size_t)snapshot_count, sizeof(struct seen), by_time);
  long sent = 0, total = 0;
  for (int i = 0; i < snapshot_count; i++) {
    const struct seen *now = &snapshot[i];
    int old = -1;
    for (int j = 0; j < before_count; j++) if (strcmp(before[j].path, now->path) == 0) { old = j; break; }
    if (old >= 0 && before[old].size == now->size && before[old].mtime.tv_sec == now->mtime.tv_sec &&
        before[old].mtime.tv_nsec == now->mtime.tv_nsec) continue;
    if (sent >= max_files) { warnf(step, "file %s not returned: too many files", now->path); continue; }
    if (now->size > max_file_bytes || total + now->size > max_total_bytes) {
      warnf(step, "file %s not returned: too large", now->path); continue;
    }
    int fd = open(now->path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > max_file_bytes) {
      if (fd >= 0) close(fd);
      continue;
    }
    char *data = malloc((size_t)st.st_size + 1);
    if (!data || read_exact(fd, data, (size_t)st.st_size) != 0) { free(data); close(fd); continue; }
    close(fd);
    frame2('f', step, now->path, strlen(now->path) + 1, data, (size_t)st.st_size);
    free(data);
    sent++; total += st.st_size;
  }
}

/* Lets the box yield the CPU to the server. bwrap's --new-session made the box a scheduling autogroup of its own,
   and with autogroup on, the group's niceness is what the kernel weighs against the server's; without it, the
   per-process niceness (inherited by every step) is. Best effort: a refusal leaves the box at normal priority. */
static void lower_priority(const char *niceness) {
  int value = atoi(niceness);
  if (value <= 0 || value > 19) return;
  int fd = open("/proc/self/autogroup", O_WRONLY | O_CLOEXEC);
  if (fd >= 0) { if (write(fd, niceness, strlen(niceness)) < 0) { /* kept at 0 */ } close(fd); }
  setpriority(PRIO_PROCESS, 0, value);
}

int main(int argc, char **argv) {
  if (argc < 5) return 2;
  /* Before giving up dumpability: that makes /proc/self/autogroup root's, no longer ours to write. */
  lower_priority(argv[1]);
  prctl(PR_SET_DUMPABLE, 0);
  signal(SIGPIPE, SIG_IGN);
  max_files = atol(argv[2]); max_file_bytes = atol(argv[3]); max_total_bytes = atol(argv[4]);
  struct step steps[8]; int count = 0, i = 5;
  while (i + 8 <= argc && count < 8) {
    struct step *s = &steps[count++];
    s->feed = atoi(argv[i]); s->cpu = atol(argv[i + 1]); s->wall_ms = atol(argv[i + 2]); s->as_mb = atol(argv[i + 3]);
    s->nproc = atol(argv[i + 4]); s->fsize_mb = atol(argv[i + 5]); s->nofile = atol(argv[i + 6]);
    int n = atoi(argv[i + 7]);
    if (n <= 0 || i + 8 + n > argc) return 2;
    s->argv = calloc((size_t)n + 1, sizeof(char *));
    for (int k = 0; k < n; k++) s->argv[k] = argv[i + 8 + k];
    i += 8 + n;
  }
  if (count == 0 || i != argc) return 2;
  read_inputs();
  for (int k = 0; k < count; k++) {
    if (k == count - 1) { snapshot_count = 0; take_snapshot("", 0); }
    if (!run_step(k, &steps[k]) && k < count - 1) return 0;
  }
  send_artifacts(count - 1);
  return 0;
}
`;
