/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One VM connected to ipmi-bmcd: the README.vm stream it sends, decoded by the core's
 * codec (verified/vm_codec.h), the BMC it talks to (its own struct bmc), and the bytes
 * still to be written back.
 *
 * A request goes to bmc_handle_request and its response back framed with the request's
 * sequence byte; what the BMC asks of the world (its effects) becomes the VM's
 * control commands, each only if the VM announced the capability it needs; the BMC's
 * timer is a GSource that calls bmc_tick. The socket is never waited on: what it does
 * not take at once waits in a queue for it to become writable, and reading stops while
 * too much waits (a VM that sends and never reads cannot make the daemon grow
 * without bound; no response is ever dropped).
 */
#ifndef BMCD_CONN_H
#define BMCD_CONN_H

#include <gio/gio.h>
#include <stdint.h>

#include "bmc.h"

struct bmcd_conn;

/* What a connection tells the daemon. */
struct bmcd_conn_hooks {
    /* A request or a tick changed the SEL: what it holds now. */
    void (*sel_changed)(const struct sel *sel, void *opaque);
    /* The connection is over (the VM went away, a write failed, bmcd_conn_close):
       the daemon forgets it and frees it with bmcd_conn_free. */
    void (*closed)(struct bmcd_conn *conn, void *opaque);
    void *opaque;
};

/*
 * The clock every BMC of the daemon is called with: milliseconds of the monotonic
 * clock, which never goes back (the core relies on it).
 */
uint64_t bmcd_clock_ms(void);

/*
 * Serves the VM on `connection` with a BMC that starts as `start` is: announces the
 * protocol version and waits for the VM's bytes. `id` and `peer` name it in the log.
 */
struct bmcd_conn *bmcd_conn_new(GSocketConnection *connection, guint id, const char *peer,
                                const struct bmc *start, const struct bmcd_conn_hooks *hooks);

/* Ends the connection (writing what the socket takes at once) and tells the daemon. */
void bmcd_conn_close(struct bmcd_conn *conn, const char *why);

/* Frees it, the socket closed, its sources gone. No hook is called. */
void bmcd_conn_free(struct bmcd_conn *conn);

#endif /* BMCD_CONN_H */
