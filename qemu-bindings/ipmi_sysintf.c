/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What every system interface device shares (ipmi_sysintf.h).
 */
#include "qemu/osdep.h"
#include "hw/irq.h"
#include "qapi/error.h"

#include "ipmi_sysintf.h"

bool ipmi_sysintf_setup(IPMISysIntf *si, const IPMISysIntfKind *kind,
                        Object *owner, uint64_t size, Error **errp)
{
    g_autofree char *name = g_strdup_printf("ipmi-%s", kind->name);

    assert(size >= kind->registers);
    if (!si->bmc) {
        error_setg(errp, "IPMI device requires a bmc attribute to be set");
        return false;
    }
    si->kind = kind;
    si->uuid = ipmi_next_uuid();
    si->bmc->intf = IPMI_INTERFACE(owner);
    kind->init(si);
    if (kind->ops) {
        memory_region_init_io(&si->io, owner, kind->ops, si, name, size);
    }
    return true;
}

void ipmi_sysintf_release(IPMISysIntf *si)
{
    si->bmc->intf = NULL;
}

void ipmi_sysintf_reset_enter(IPMISysIntf *si)
{
    si->kind->reset(si);
}

void ipmi_sysintf_reset_hold(IPMISysIntf *si)
{
    ipmi_sysintf_set_irq(si, false);
}

void ipmi_sysintf_set_irq(IPMISysIntf *si, bool level)
{
    if (si->irq) {
        qemu_set_irq(si->irq, level);
    }
}

void ipmi_sysintf_request(IPMISysIntf *si, const uint8_t *msg, size_t len,
                          uint8_t id)
{
    IPMIBmcClass *bk = IPMI_BMC_GET_CLASS(si->bmc);
    /*
     * The BMC's hook takes a buffer it may use as its own; it gets a copy,
     * and the machine's request stays the machine's.
     */
    uint8_t cmd[MAX_IPMI_MSG_SIZE];

    assert(len <= sizeof(cmd));
    memcpy(cmd, msg, len);
    bk->handle_command(si->bmc, cmd, len, sizeof(cmd), id);
}

void ipmi_sysintf_get_fwinfo(IPMISysIntf *si, IPMIFwInfo *info)
{
    info->interface_name = si->kind->name;
    info->interface_type = si->kind->smbios_type;
    info->ipmi_spec_major_revision = 2;
    info->ipmi_spec_minor_revision = 0;
    info->i2c_slave_address = si->bmc->slave_addr;
    info->uuid = si->uuid;
    info->register_length = si->kind->registers;
    info->register_spacing = 1;
    info->memspace = IPMI_MEMSPACE_IO;
    info->irq_type = IPMI_LEVEL_IRQ;
}

int ipmi_sysintf_pre_load(void *opaque)
{
    IPMISysIntf *si = opaque;

    si->machine_loaded = false;
    return 0;
}

bool ipmi_sysintf_machine_needed(void *opaque)
{
    IPMISysIntf *si = opaque;

    return si->machine_needed;
}

int ipmi_sysintf_machine_loaded(void *opaque, int version_id)
{
    IPMISysIntf *si = opaque;

    si->machine_loaded = true;
    return 0;
}
