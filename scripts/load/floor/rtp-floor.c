/*
 * rtp-floor: the kernel's own cost of moving a telephony server's RTP on loopback, nothing else.
 *
 *   rtp-floor [--shared] [--slots N] CALLS SECONDS [FIRST_PORT [LAST_PORT]]
 *
 * For CALLS calls: one UDP socket per call on the "server" side and one on the "peer" side, each
 * pair connected, on 127.0.0.1: the first 2*CALLS free ports from FIRST_PORT (default 40000) up to
 * LAST_PORT (default 65535); ports other programs hold are skipped.
 * Each side is one thread: every 20 ms each call sends one 172-byte packet (a 12-byte RTP header
 * + 160 bytes of payload, 8 kHz G.711) to the other side, spread over 40 slots of 0.5 ms (call i
 * in slot i % 40) as a paced server sends. The thread sleeps to each slot with clock_nanosleep
 * (TIMER_ABSTIME), sends that slot's packets (one send() each), then takes what has arrived:
 * level-triggered epoll without waiting, one non-blocking recv() per ready socket, until nothing
 * is ready. After one second of warm-up it measures each thread's CPU (getrusage RUSAGE_THREAD)
 * over SECONDS and prints the server side's share (50 packets/s sent + 50 received per call) as
 * % of one core per call, the packet rates, loss and sequence gaps. Loopback delivers a packet
 * inside the sender's send(), so each side's CPU holds sending, delivering into the other side's
 * socket and receiving its own: what a server pays per call, less all of its own work.
 * The slots' wake-ups (2,000 a second per side) are part of the figure; with few calls they
 * dominate it, so compare at the same number of calls.
 *
 * --slots N: N slots of 20/N ms instead of 40 (the server's Media:PacerSlots is 10).
 * --shared: the batched floor of a shared RTP port (Media:SharedRtpPort): each side has ONE socket
 * for all calls; a slot's packets leave in one sendmmsg() (each to its call's address on the other
 * side) and arrivals are read with recvmmsg(), 64 a call, until none is left; the call is told by
 * the SSRC. The kernel's per-packet path is the same; the system calls per packet are not.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define PACKET 172
#define MAX_BATCH 64
static int SLOTS = 40;
static long SLOT_NS = 500000L;
static int shared_mode;                /* --shared: one socket a side, sendmmsg/recvmmsg */
#define WARMUP_S 1

struct side {
    const char *name;
    int *fds;            /* this side's socket per call */
    int calls;
    int epoll;
    pthread_t thread;
    uint64_t sent, received, bad; /* over the measured period */
    uint64_t sent_all, received_all, send_errors;
    uint16_t *next_seq;  /* per call: the next sequence number sent */
    uint16_t *expect_seq;/* per call: the next sequence number expected */
    uint64_t gaps;       /* sequence numbers skipped (lost or reordered) */
    struct timespec cpu_start, cpu_end; /* thread CPU at the measured period's edges */
    atomic_int done_sending;
    struct sockaddr_in peer_address;   /* --shared: the other side's one socket */
    struct side *other;
};

static struct timespec start_time;  /* the first slot of both sides */
static long total_slots, measure_from, measure_to; /* slot indices */

static void die(const char *what) { perror(what); exit(1); }

static double ts_sec(struct timespec t) { return (double)t.tv_sec + (double)t.tv_nsec / 1e9; }

static struct timespec thread_cpu(void)
{
    struct rusage u;
    if (getrusage(RUSAGE_THREAD, &u) != 0) die("getrusage");
    struct timespec t = { u.ru_utime.tv_sec + u.ru_stime.tv_sec, (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1000L };
    while (t.tv_nsec >= 1000000000L) { t.tv_sec++; t.tv_nsec -= 1000000000L; }
    return t;
}

static struct timespec slot_time(long slot)
{
    struct timespec t = start_time;
    long long ns = (long long)t.tv_nsec + (long long)slot * SLOT_NS;
    t.tv_sec += ns / 1000000000LL;
    t.tv_nsec = ns % 1000000000LL;
    return t;
}

/* Level-triggered epoll without waiting; one recv() per ready socket and round (a call's socket
 * holds one packet per 20 ms, so a second recv() would mostly be a wasted EAGAIN); rounds until
 * nothing is ready. */
static void receive_ready(struct side *s, int measuring)
{
    struct epoll_event events[256];
    unsigned char buf[2048];
    for (;;) {
        int n = epoll_wait(s->epoll, events, 256, 0);
        if (n < 0) { if (errno == EINTR) continue; die("epoll_wait"); }
        if (n == 0) return;
        for (int e = 0; e < n; e++) {
            int call = (int)events[e].data.u32;
            ssize_t got = recv(s->fds[call], buf, sizeof buf, MSG_DONTWAIT);
            if (got < 0) { if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue; die("recv"); }
            if (got != PACKET) { s->bad++; continue; }
            uint16_t seq = (uint16_t)((buf[2] << 8) | buf[3]);
            if (seq != s->expect_seq[call]) s->gaps += (uint16_t)(seq - s->expect_seq[call]);
            s->expect_seq[call] = (uint16_t)(seq + 1);
            s->received_all++;
            if (measuring) s->received++;
        }
    }
}

/* One side's single socket: recvmmsg() until nothing is left; the call is the SSRC. */
static void receive_shared(struct side *s, int measuring)
{
    static __thread struct mmsghdr msgs[MAX_BATCH];
    static __thread struct iovec iov[MAX_BATCH];
    static __thread unsigned char bufs[MAX_BATCH][2048];
    for (;;) {
        for (int i = 0; i < MAX_BATCH; i++) {
            iov[i].iov_base = bufs[i]; iov[i].iov_len = sizeof bufs[i];
            memset(&msgs[i].msg_hdr, 0, sizeof msgs[i].msg_hdr);
            msgs[i].msg_hdr.msg_iov = &iov[i]; msgs[i].msg_hdr.msg_iovlen = 1;
        }
        int n = recvmmsg(s->fds[0], msgs, MAX_BATCH, MSG_DONTWAIT, NULL);
        if (n < 0) { if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return; die("recvmmsg"); }
        for (int k = 0; k < n; k++) {
            const unsigned char *buf = bufs[k];
            if (msgs[k].msg_len != PACKET) { s->bad++; continue; }
            uint32_t call = ((uint32_t)buf[8] << 24) | ((uint32_t)buf[9] << 16) | ((uint32_t)buf[10] << 8) | buf[11];
            if (call >= (uint32_t)s->calls) { s->bad++; continue; }
            uint16_t seq = (uint16_t)((buf[2] << 8) | buf[3]);
            if (seq != s->expect_seq[call]) s->gaps += (uint16_t)(seq - s->expect_seq[call]);
            s->expect_seq[call] = (uint16_t)(seq + 1);
            s->received_all++;
            if (measuring) s->received++;
        }
        if (n < MAX_BATCH) return;
    }
}

static void receive_any(struct side *s, int measuring)
{
    if (shared_mode) receive_shared(s, measuring); else receive_ready(s, measuring);
}

/* The RTP header of call's next packet. */
static void write_header(unsigned char *packet, struct side *s, int call, uint32_t ts)
{
    uint16_t seq = s->next_seq[call]++;
    packet[2] = (unsigned char)(seq >> 8); packet[3] = (unsigned char)seq;
    packet[4] = (unsigned char)(ts >> 24); packet[5] = (unsigned char)(ts >> 16);
    packet[6] = (unsigned char)(ts >> 8); packet[7] = (unsigned char)ts;
    packet[8] = (unsigned char)(call >> 24); packet[9] = (unsigned char)(call >> 16);
    packet[10] = (unsigned char)(call >> 8); packet[11] = (unsigned char)call;
}

/* --shared: this slot's packets in sendmmsg() calls of the whole slot (each to the peer's one port). */
static void send_shared(struct side *s, long slot, const unsigned char *proto, int measuring)
{
    static __thread struct mmsghdr *msgs;
    static __thread struct iovec *iov;
    static __thread unsigned char (*packets)[PACKET];
    static __thread int capacity;
    int per_slot = (s->calls + SLOTS - 1) / SLOTS;
    if (capacity < per_slot) {
        msgs = realloc(msgs, (size_t)per_slot * sizeof *msgs);
        iov = realloc(iov, (size_t)per_slot * sizeof *iov);
        packets = realloc(packets, (size_t)per_slot * sizeof *packets);
        if (!msgs || !iov || !packets) die("realloc");
        capacity = per_slot;
    }
    uint32_t ts = (uint32_t)(slot / SLOTS) * 160u;
    int k = 0;
    for (int call = (int)(slot % SLOTS); call < s->calls; call += SLOTS, k++) {
        memcpy(packets[k], proto, PACKET);
        write_header(packets[k], s, call, ts);
        iov[k].iov_base = packets[k]; iov[k].iov_len = PACKET;
        memset(&msgs[k].msg_hdr, 0, sizeof msgs[k].msg_hdr);
        msgs[k].msg_hdr.msg_iov = &iov[k]; msgs[k].msg_hdr.msg_iovlen = 1;
        msgs[k].msg_hdr.msg_name = &s->peer_address; msgs[k].msg_hdr.msg_namelen = sizeof s->peer_address;
    }
    int done = 0;
    while (done < k) {
        int n = sendmmsg(s->fds[0], msgs + done, (unsigned)(k - done), 0);
        if (n < 0) { if (errno == EINTR) continue; s->send_errors += (uint64_t)(k - done); break; }
        done += n;
    }
    s->sent_all += (uint64_t)done;
    if (measuring) s->sent += (uint64_t)done;
}

static void *run_side(void *arg)
{
    struct side *s = arg;
    unsigned char packet[PACKET];
    memset(packet, 0xFF, sizeof packet);          /* PCMU silence */
    packet[0] = 0x80; packet[1] = 0;              /* RTP v2, payload type 0 */
    for (long slot = 0; slot < total_slots; slot++) {
        struct timespec due = slot_time(slot);
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL) == EINTR) { }
        if (slot == measure_from) s->cpu_start = thread_cpu();
        if (slot == measure_to) s->cpu_end = thread_cpu();
        int measuring = slot >= measure_from && slot < measure_to;
        int sending = slot < measure_to;          /* after the period: only drain what is in flight */
        if (sending && shared_mode) {
            send_shared(s, slot, packet, measuring);
        } else if (sending) {
            uint32_t ts = (uint32_t)(slot / SLOTS) * 160u;
            for (int call = (int)(slot % SLOTS); call < s->calls; call += SLOTS) {
                write_header(packet, s, call, ts);
                if (send(s->fds[call], packet, PACKET, 0) != PACKET) { s->send_errors++; continue; }
                s->sent_all++;
                if (measuring) s->sent++;
            }
        }
        receive_any(s, measuring);
    }
    /* Whatever the other side sent arrives before it says it is done (loopback delivers in send()). */
    atomic_store(&s->done_sending, 1);
    while (!atomic_load(&s->other->done_sending)) {
        struct timespec pause = { 0, SLOT_NS };
        nanosleep(&pause, NULL);
        receive_any(s, 0);
    }
    receive_any(s, 0);
    return NULL;
}

/* Binds the next free port from *next (ports other programs hold are skipped); its port in *port. */
static int open_socket(int *next, int last, int *port)
{
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    if (fd < 0) die("socket");
    for (; *next <= last; (*next)++) {
        struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)*next) };
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (bind(fd, (struct sockaddr *)&a, sizeof a) == 0) { *port = (*next)++; return fd; }
        if (errno != EADDRINUSE) { fprintf(stderr, "port %d: ", *next); die("bind"); }
    }
    fprintf(stderr, "no free port left up to %d\n", last);
    exit(1);
}

static void connect_to(int fd, int port)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) die("connect");
}

static void init_side(struct side *s, const char *name, int calls)
{
    s->name = name;
    s->calls = calls;
    s->fds = calloc((size_t)calls, sizeof *s->fds);
    s->next_seq = calloc((size_t)calls, sizeof *s->next_seq);
    s->expect_seq = calloc((size_t)calls, sizeof *s->expect_seq);
    if (!s->fds || !s->next_seq || !s->expect_seq) die("calloc");
    s->epoll = epoll_create1(0);
    if (s->epoll < 0) die("epoll_create1");
}

int main(int argc, char **argv)
{
    const char *program = argv[0];
    while (argc > 1 && strncmp(argv[1], "--", 2) == 0) {
        if (strcmp(argv[1], "--shared") == 0) { shared_mode = 1; argv++; argc--; }
        else if (strcmp(argv[1], "--slots") == 0 && argc > 2) { SLOTS = atoi(argv[2]); argv += 2; argc -= 2; }
        else { fprintf(stderr, "unknown option %s\n", argv[1]); return 2; }
    }
    if (SLOTS < 1 || 20000000L % SLOTS != 0) { fprintf(stderr, "--slots must divide 20 ms into whole microseconds\n"); return 2; }
    SLOT_NS = 20000000L / SLOTS;
    if (argc < 3) { fprintf(stderr, "usage: %s [--shared] [--slots N] CALLS SECONDS [FIRST_PORT [LAST_PORT]]\n", program); return 2; }
    int calls = atoi(argv[1]);
    int seconds = atoi(argv[2]);
    int first = argc > 3 ? atoi(argv[3]) : 40000;
    int last = argc > 4 ? atoi(argv[4]) : 65535;
    if (calls < 1 || seconds < 1 || first < 1024 || last > 65535 || last - first + 1 < 2 * calls) { fprintf(stderr, "bad arguments\n"); return 2; }

    struct rlimit nofile;
    if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur < (rlim_t)(2 * calls + 64)) {
        nofile.rlim_cur = nofile.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &nofile) != 0 || nofile.rlim_cur < (rlim_t)(2 * calls + 64)) { fprintf(stderr, "too few file descriptors for %d calls\n", calls); return 1; }
    }

    struct side server = {0}, peer = {0};
    init_side(&server, "server", calls);
    init_side(&peer, "peer", calls);
    server.other = &peer;
    peer.other = &server;
    int *server_ports = calloc((size_t)calls, sizeof *server_ports), *peer_ports = calloc((size_t)calls, sizeof *peer_ports);
    if (!server_ports || !peer_ports) die("calloc");
    int next = first;
    if (shared_mode) {
        server.fds[0] = open_socket(&next, last, &server_ports[0]);
        peer.fds[0] = open_socket(&next, last, &peer_ports[0]);
        int buffer = 4 << 20;   /* every call's packets wait in one socket between two reads */
        setsockopt(server.fds[0], SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
        setsockopt(peer.fds[0], SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
        server.peer_address = (struct sockaddr_in){ .sin_family = AF_INET, .sin_port = htons((uint16_t)peer_ports[0]), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
        peer.peer_address = (struct sockaddr_in){ .sin_family = AF_INET, .sin_port = htons((uint16_t)server_ports[0]), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    } else {
        for (int i = 0; i < calls; i++) {
            server.fds[i] = open_socket(&next, last, &server_ports[i]);
            peer.fds[i] = open_socket(&next, last, &peer_ports[i]);
        }
    }
    for (int i = 0; i < calls && !shared_mode; i++) {
        connect_to(server.fds[i], peer_ports[i]);
        connect_to(peer.fds[i], server_ports[i]);
        struct epoll_event ev = { .events = EPOLLIN, .data.u32 = (uint32_t)i };
        if (epoll_ctl(server.epoll, EPOLL_CTL_ADD, server.fds[i], &ev) != 0) die("epoll_ctl");
        if (epoll_ctl(peer.epoll, EPOLL_CTL_ADD, peer.fds[i], &ev) != 0) die("epoll_ctl");
    }

    long slots_per_second = 1000000000L / SLOT_NS;
    measure_from = (long)WARMUP_S * slots_per_second;
    measure_to = measure_from + (long)seconds * slots_per_second;
    total_slots = measure_to + slots_per_second / 10;      /* 100 ms of receiving only at the end */
    clock_gettime(CLOCK_MONOTONIC, &start_time);
    start_time.tv_sec += 1;                                /* both threads start on the same slot */
    struct timespec wall_start, wall_end;
    if (pthread_create(&server.thread, NULL, run_side, &server) != 0) die("pthread_create");
    if (pthread_create(&peer.thread, NULL, run_side, &peer) != 0) die("pthread_create");
    pthread_join(server.thread, NULL);
    pthread_join(peer.thread, NULL);
    wall_start = slot_time(measure_from);
    wall_end = slot_time(measure_to);

    double span = ts_sec(wall_end) - ts_sec(wall_start);
    double cpu_server = ts_sec(server.cpu_end) - ts_sec(server.cpu_start);
    double cpu_peer = ts_sec(peer.cpu_end) - ts_sec(peer.cpu_start);
    long long lost_to_server = (long long)peer.sent_all - (long long)server.received_all;
    long long lost_to_peer = (long long)server.sent_all - (long long)peer.received_all;
    printf("rtp-floor: %d calls x %d s on loopback, 172-byte packets every 20 ms each way, %d slots of %.2f ms, %s\n", calls, seconds,
           SLOTS, SLOT_NS / 1e6, shared_mode ? "one socket a side (sendmmsg/recvmmsg)" : "a socket per call (send/recv)");
    printf("server side: sent %.0f pps, received %.0f pps; CPU %.3f s in %.1f s = %.1f %% of a core = %.4f %%core/call\n",
           server.sent / span, server.received / span, cpu_server, span, 100 * cpu_server / span, 100 * cpu_server / span / calls);
    printf("peer side:   sent %.0f pps, received %.0f pps; CPU %.3f s = %.4f %%core/call\n",
           peer.sent / span, peer.received / span, cpu_peer, 100 * cpu_peer / span / calls);
    printf("total: %.0f pps moved; lost to server %lld, lost to peer %lld, sequence gaps %llu/%llu, send errors %llu/%llu, bad sizes %llu\n",
           (server.sent + peer.sent) / span, lost_to_server, lost_to_peer,
           (unsigned long long)server.gaps, (unsigned long long)peer.gaps,
           (unsigned long long)server.send_errors, (unsigned long long)peer.send_errors,
           (unsigned long long)(server.bad + peer.bad));
    /* The line a script reads. */
    printf("floor %.4f %%core/call calls %d pps %.0f lost %lld\n", 100 * cpu_server / span / calls, calls,
           (server.sent + peer.sent) / span, lost_to_server + lost_to_peer);
    return 0;
}
