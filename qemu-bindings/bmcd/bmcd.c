/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ipmi-bmcd: a BMC outside the VM. It serves OpenIPMI's VM protocol (lanserv/README.vm,
 * what QEMU's ipmi-bmc-extern speaks) as the BMC side, over TCP and a UNIX socket, one
 * BMC core (verified/bmc.h) per connection, every one starting from the configuration
 * and the SEL last saved. docs/ipmi-bmcd.8 is its manual.
 *
 * This file is the process: options, the configuration, the BMC a connection starts
 * from, the listeners, the signals that stop it, and the log.
 */
#include <errno.h>
#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "bmcd_config.h"
#include "bmcd_conn.h"
#include "bmcd_state.h"

#define EXIT_CONFIG 1          /* the configuration is unreadable or wrong */
#define EXIT_USAGE 2           /* the command line is */
#define EXIT_START 3           /* the daemon cannot listen */

struct daemon {
    struct bmcd_config *config;
    /* What a new connection's BMC starts as: the configured BMC with the SEL as it was
       last changed (the state file's copy of it). */
    struct bmc *start;
    const char *tcp;           /* where to listen: the option, else the configuration */
    const char *unix_path;
    const char *state_file;
    GSocketService *service;
    bool unix_bound;           /* the socket file is ours to remove */
    GList *conns;              /* struct bmcd_conn */
    guint next_id;
    GMainLoop *loop;
};

/* -1: warnings only; 0: messages too; 1: info and debug too. */
static int verbosity;

static const char *level_label(GLogLevelFlags level)
{
    if (level & G_LOG_LEVEL_ERROR) {
        return "error: ";
    }
    if (level & G_LOG_LEVEL_CRITICAL) {
        return "critical: ";
    }
    if (level & G_LOG_LEVEL_WARNING) {
        return "warning: ";
    }
    if (level & G_LOG_LEVEL_DEBUG) {
        return "debug: ";
    }
    return "";
}

static bool level_shown(GLogLevelFlags level)
{
    if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) {
        return true;
    }
    if (level & G_LOG_LEVEL_MESSAGE) {
        return verbosity >= 0;
    }
    return verbosity > 0;
}

/* Every line "ipmi-bmcd: [level: ]what", on stderr (a service manager keeps it). */
static void log_line(const gchar *domain, GLogLevelFlags level, const gchar *message,
                     gpointer opaque)
{
    (void)domain;
    (void)opaque;
    if (level_shown(level)) {
        fprintf(stderr, "ipmi-bmcd: %s%s\n", level_label(level), message);
        fflush(stderr);
    }
}

static gint64 wall_seconds(void)
{
    return g_get_real_time() / G_USEC_PER_SEC;
}

/* The configuration file's, or the defaults without one. */
static struct bmcd_config *load_config(const char *path, GError **errp)
{
    g_autofree gchar *text = NULL;
    gsize len;

    if (!path) {
        return bmcd_config_defaults();
    }
    if (!g_file_get_contents(path, &text, &len, errp)) {
        return NULL;
    }
    return bmcd_config_parse(path, text, len, errp);
}

static void save_sel(struct daemon *d)
{
    g_autoptr(GError) err = NULL;

    if (!d->state_file) {
        return;
    }
    if (!bmcd_state_save(d->state_file, &d->start->state.sel, bmcd_clock_ms(),
                         wall_seconds(), &err)) {
        g_warning("cannot save the SEL: %s", err->message);
        return;
    }
    g_debug("SEL saved to %s (%u entries)", d->state_file, d->start->state.sel.count);
}

/* A state file that could not be read is kept aside, not overwritten by the next save. */
static void keep_bad_state_file(const char *path)
{
    g_autofree gchar *aside = g_strconcat(path, ".bad", NULL);

    if (g_rename(path, aside) == 0) {
        g_warning("the state file is kept as %s", aside);
    }
}

/* The SEL from the state file, into the BMC connections start from. */
static void restore_sel(struct daemon *d, uint64_t now, gint64 wall)
{
    g_autoptr(GError) err = NULL;
    struct sel sel;

    if (!d->state_file) {
        g_message("no state file: the SEL lasts as long as the daemon");
        return;
    }
    if (!bmcd_state_load(d->state_file, now, wall, &sel, &err)) {
        if (g_error_matches(err, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
            g_message("no SEL saved in %s yet: the SEL starts empty", d->state_file);
        } else if (err->domain == BMCD_STATE_ERROR) {
            g_warning("state file %s; the SEL starts empty", err->message);
            keep_bad_state_file(d->state_file);
        } else {
            /* Unreadable, not malformed: left as it is for its owner to see to. */
            g_warning("state file: %s; the SEL starts empty", err->message);
        }
        return;
    }
    if (!bmcd_state_restore(d->start, &sel)) {
        g_warning("state file %s: its SEL is not one the BMC can hold; the SEL starts empty",
                  d->state_file);
        keep_bad_state_file(d->state_file);
        return;
    }
    g_message("SEL restored from %s: %u entries", d->state_file, d->start->state.sel.count);
}

/*
 * The BMC every connection starts from, as at power-on: the configured one, its SEL
 * clock the host's (seconds since 1970, as ipmi-bmc-sim's), the saved SEL, then the
 * configured sensor readings (whose threshold events are logged, as a real BMC logs
 * them at each start).
 */
static void prepare_start(struct daemon *d)
{
    uint64_t now = bmcd_clock_ms();
    gint64 wall = wall_seconds();
    struct bmcd_sel_fingerprint before, after;

    d->start = g_memdup2(d->config->start, sizeof(*d->start));
    sel_set_time(&d->start->state.sel, now, (uint32_t)wall);
    restore_sel(d, now, wall);
    before = bmcd_state_fingerprint(&d->start->state.sel);
    bmcd_config_apply_readings(d->config, d->start, now);
    after = bmcd_state_fingerprint(&d->start->state.sel);
    if (!bmcd_state_fingerprint_equal(&before, &after)) {
        save_sel(d);
    }
}

/* A connection changed its SEL: it is the one the next connection starts with. */
static void on_sel_changed(const struct sel *sel, void *opaque)
{
    struct daemon *d = opaque;

    d->start->state.sel = *sel;
    save_sel(d);
}

static void on_closed(struct bmcd_conn *conn, void *opaque)
{
    struct daemon *d = opaque;

    d->conns = g_list_remove(d->conns, conn);
    bmcd_conn_free(conn);
}

/* "127.0.0.1:40312", or the UNIX socket it came in on. */
static gchar *describe_peer(GSocketConnection *connection)
{
    g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address(connection, NULL);
    g_autoptr(GSocketAddress) local = NULL;

    if (remote && G_IS_INET_SOCKET_ADDRESS(remote)) {
        return g_socket_connectable_to_string(G_SOCKET_CONNECTABLE(remote));
    }
    local = g_socket_connection_get_local_address(connection, NULL);
    if (local && G_IS_UNIX_SOCKET_ADDRESS(local)) {
        return g_strdup_printf("UNIX socket %s",
                               g_unix_socket_address_get_path(G_UNIX_SOCKET_ADDRESS(local)));
    }
    return g_strdup("an unknown peer");
}

static gboolean on_incoming(GSocketService *service, GSocketConnection *connection,
                            GObject *source, gpointer opaque)
{
    struct daemon *d = opaque;
    struct bmcd_conn_hooks hooks = { on_sel_changed, on_closed, d };
    g_autofree gchar *peer = describe_peer(connection);
    struct bmcd_conn *conn;

    (void)service;
    (void)source;
    conn = bmcd_conn_new(connection, ++d->next_id, peer, d->start, &hooks);
    d->conns = g_list_prepend(d->conns, conn);
    return TRUE;
}

static bool listen_address(struct daemon *d, GSocketAddress *address, GError **errp)
{
    g_autoptr(GSocketAddress) effective = NULL;
    g_autofree gchar *name = NULL;

    if (!g_socket_listener_add_address(G_SOCKET_LISTENER(d->service), address,
                                       G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                       &effective, errp)) {
        return false;
    }
    name = g_socket_connectable_to_string(G_SOCKET_CONNECTABLE(effective));
    g_message("listening on TCP %s", name);
    return true;
}

/* HOST:PORT: every interface for an empty host, else each address the host has. */
static bool listen_tcp(struct daemon *d, const char *spec, GError **errp)
{
    g_autofree gchar *host = NULL;
    g_autoptr(GInetAddress) numeric = NULL;
    const char *why;
    guint16 port;
    GList *addresses, *a;
    bool ok = true;

    if (!bmcd_config_split_tcp(spec, &host, &port, &why)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "'%s': %s", spec, why);
        return false;
    }
    if (host[0] == '\0') {
        if (!g_socket_listener_add_inet_port(G_SOCKET_LISTENER(d->service), port, NULL, errp)) {
            return false;
        }
        g_message("listening on TCP port %u of every interface", port);
        return true;
    }
    numeric = g_inet_address_new_from_string(host);
    if (numeric) {
        g_autoptr(GSocketAddress) address = g_inet_socket_address_new(numeric, port);

        return listen_address(d, address, errp);
    }
    addresses = g_resolver_lookup_by_name(g_resolver_get_default(), host, NULL, errp);
    for (a = addresses; a && ok; a = a->next) {
        g_autoptr(GSocketAddress) address = g_inet_socket_address_new(a->data, port);

        ok = listen_address(d, address, errp);
    }
    g_resolver_free_addresses(addresses);
    return addresses != NULL && ok;
}

/* Whether a daemon answers on the UNIX socket at `path`. */
static bool unix_socket_answers(const char *path)
{
    g_autoptr(GSocketClient) client = g_socket_client_new();
    g_autoptr(GSocketAddress) address = g_unix_socket_address_new(path);
    g_autoptr(GSocketConnection) connection =
        g_socket_client_connect(client, G_SOCKET_CONNECTABLE(address), NULL, NULL);

    return connection != NULL;
}

/* A socket file left by a daemon that did not stop cleanly goes; anything else stays. */
static bool clear_stale_socket(const char *path, GError **errp)
{
    GStatBuf st;

    if (g_lstat(path, &st) != 0) {
        return true;
    }
    if (!S_ISSOCK(st.st_mode)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s exists and is not a socket", path);
        return false;
    }
    if (unix_socket_answers(path)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE,
                    "a daemon already listens on %s", path);
        return false;
    }
    g_message("removing the stale socket %s", path);
    g_unlink(path);
    return true;
}

static bool listen_unix(struct daemon *d, const char *path, GError **errp)
{
    g_autoptr(GSocketAddress) address = NULL;

    if (!clear_stale_socket(path, errp)) {
        return false;
    }
    address = g_unix_socket_address_new(path);
    if (!g_socket_listener_add_address(G_SOCKET_LISTENER(d->service), address,
                                       G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, NULL,
                                       NULL, errp)) {
        return false;
    }
    d->unix_bound = true;
    g_message("listening on UNIX socket %s", path);
    return true;
}

static bool start_listening(struct daemon *d)
{
    g_autoptr(GError) err = NULL;

    d->service = g_socket_service_new();
    g_signal_connect(d->service, "incoming", G_CALLBACK(on_incoming), d);
    if (d->tcp && !listen_tcp(d, d->tcp, &err)) {
        g_printerr("ipmi-bmcd: cannot listen on TCP %s: %s\n", d->tcp, err->message);
        return false;
    }
    if (d->unix_path && !listen_unix(d, d->unix_path, &err)) {
        g_printerr("ipmi-bmcd: cannot listen on UNIX socket %s: %s\n", d->unix_path,
                   err->message);
        return false;
    }
    return true;
}

static gboolean on_sigterm(gpointer opaque)
{
    struct daemon *d = opaque;

    g_message("SIGTERM: stopping");
    g_main_loop_quit(d->loop);
    return G_SOURCE_CONTINUE;
}

static gboolean on_sigint(gpointer opaque)
{
    struct daemon *d = opaque;

    g_message("SIGINT: stopping");
    g_main_loop_quit(d->loop);
    return G_SOURCE_CONTINUE;
}

/*
 * Listeners closed, connections closed, the SEL saved (if the daemon ran: one that
 * could not start leaves the state file to whoever has it), the socket file gone.
 */
static void stop(struct daemon *d, bool ran)
{
    if (d->service) {
        g_socket_service_stop(d->service);
        g_socket_listener_close(G_SOCKET_LISTENER(d->service));
        g_clear_object(&d->service);
    }
    while (d->conns) {
        bmcd_conn_close(d->conns->data, "the daemon stops");
    }
    if (ran) {
        save_sel(d);
    }
    if (d->unix_bound && g_unlink(d->unix_path) != 0) {
        g_warning("cannot remove %s: %s", d->unix_path, g_strerror(errno));
    }
    d->unix_bound = false;
}

static void free_daemon(struct daemon *d)
{
    g_clear_pointer(&d->loop, g_main_loop_unref);
    g_clear_pointer(&d->start, g_free);
    g_clear_pointer(&d->config, bmcd_config_free);
}

/* The options. */
static gchar *opt_config;
static gchar *opt_tcp;
static gchar *opt_unix;
static gchar *opt_state;
static gboolean opt_check;
static gboolean opt_verbose;
static gboolean opt_quiet;
static gboolean opt_version;

static const GOptionEntry options[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &opt_config,
      "Read the configuration from FILE (without one: QEMU ipmi-bmc-sim's defaults)",
      "FILE" },
    { "tcp", 't', 0, G_OPTION_ARG_STRING, &opt_tcp,
      "Listen on TCP HOST:PORT (instead of the configuration's tcp=)", "HOST:PORT" },
    { "unix", 'u', 0, G_OPTION_ARG_FILENAME, &opt_unix,
      "Listen on the UNIX socket PATH (instead of the configuration's unix=)", "PATH" },
    { "state", 's', 0, G_OPTION_ARG_FILENAME, &opt_state,
      "Keep the SEL in FILE (instead of the configuration's state=)", "FILE" },
    { "check", 0, 0, G_OPTION_ARG_NONE, &opt_check,
      "Check the configuration and exit", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose,
      "Log each request, command and frame too (debug level)", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opt_quiet,
      "Log warnings and errors only", NULL },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &opt_version,
      "Print the version and exit", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
};

static bool parse_options(int *argc, char ***argv)
{
    g_autoptr(GOptionContext) context = g_option_context_new(NULL);
    g_autoptr(GError) err = NULL;

    g_option_context_set_summary(context,
        "A BMC outside the VM: serves OpenIPMI's VM protocol (what QEMU's\n"
        "ipmi-bmc-extern speaks) on TCP and a UNIX socket, one BMC per connection.");
    g_option_context_set_description(context,
        "Signals: SIGTERM and SIGINT stop it (the SEL saved, the socket file removed).\n"
        "Exit status: 0 stopped by a signal or --check passed, 1 the configuration is\n"
        "wrong, 2 the command line is, 3 it cannot listen. See ipmi-bmcd(8).");
    g_option_context_add_main_entries(context, options, NULL);
    if (!g_option_context_parse(context, argc, argv, &err)) {
        g_printerr("ipmi-bmcd: %s (try --help)\n", err->message);
        return false;
    }
    if (*argc > 1) {
        g_printerr("ipmi-bmcd: unexpected argument '%s' (try --help)\n", (*argv)[1]);
        return false;
    }
    if (opt_verbose && opt_quiet) {
        g_printerr("ipmi-bmcd: --verbose and --quiet do not go together\n");
        return false;
    }
    return true;
}

/* Where to listen and keep the SEL: an option wins over the configuration. */
static bool choose_places(struct daemon *d)
{
    g_autofree gchar *host = NULL;
    const char *why;
    guint16 port;

    d->tcp = opt_tcp ? opt_tcp : d->config->tcp;
    d->unix_path = opt_unix ? opt_unix : d->config->unix_path;
    d->state_file = opt_state ? opt_state : d->config->state_file;
    if (opt_tcp && !bmcd_config_split_tcp(opt_tcp, &host, &port, &why)) {
        g_printerr("ipmi-bmcd: --tcp '%s': %s\n", opt_tcp, why);
        return false;
    }
    if (!d->tcp && !d->unix_path && !opt_check) {
        g_printerr("ipmi-bmcd: nothing to listen on: give --tcp or --unix, or tcp= or "
                   "unix= in [daemon]\n");
        return false;
    }
    return true;
}

static int run(struct daemon *d)
{
    g_autoptr(GError) err = NULL;

    d->config = load_config(opt_config, &err);
    if (!d->config) {
        /* A parse error is "FILE:LINE: what" already; a read error names the file. */
        g_printerr("%s%s\n", err->domain == BMCD_CONFIG_ERROR ? "" : "ipmi-bmcd: ",
                   err->message);
        return EXIT_CONFIG;
    }
    if (!choose_places(d)) {
        return EXIT_USAGE;
    }
    if (opt_check) {
        g_print("%s: the configuration is good\n", opt_config ? opt_config : "(defaults)");
        return EXIT_SUCCESS;
    }
    /* Listening first: a daemon that cannot does not touch the state file. No VM is
       served before the loop runs, and the BMC they start from is ready by then. */
    if (!start_listening(d)) {
        stop(d, false);
        return EXIT_START;
    }
    prepare_start(d);
    d->loop = g_main_loop_new(NULL, FALSE);
    g_unix_signal_add(SIGTERM, on_sigterm, d);
    g_unix_signal_add(SIGINT, on_sigint, d);
    g_message("ready");
    g_main_loop_run(d->loop);
    stop(d, true);
    g_message("stopped");
    return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
    struct daemon d = { 0 };
    int status;

    g_log_set_default_handler(log_line, NULL);
    if (!parse_options(&argc, &argv)) {
        return EXIT_USAGE;
    }
    if (opt_version) {
        g_print("ipmi-bmcd %s\n", BMCD_VERSION);
        return EXIT_SUCCESS;
    }
    verbosity = opt_verbose ? 1 : opt_quiet ? -1 : 0;
    status = run(&d);
    free_daemon(&d);
    return status;
}
