/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The abstract IPMI types: the interface a BMC sees ("ipmi-interface"), the
 * one every system interface implements ("ipmi-interface-host"), the BMC
 * ("ipmi-bmc") and the BMC as the host sees it ("ipmi-bmc-host"); plus the
 * helpers that link the two.
 */
#include "qemu/osdep.h"
#include "hw/ipmi/ipmi.h"
#include "hw/nmi.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qemu/module.h"
#include "system/runstate.h"

/* Firmware tables number the system interfaces from 1, in creation order. */
static uint32_t ipmi_uuid_next = 1;

uint32_t ipmi_next_uuid(void)
{
    return ipmi_uuid_next++;
}

/*
 * The machine-level operations a BMC may ask for. A running machine has no power
 * to turn on, and a virtual one cycles its power as a reset does; the diagnostic
 * interrupt has no QEMU equivalent, so it reports D5h.
 */
static int ipmi_interface_do_hw_op(IPMIInterface *s, enum ipmi_op op,
                                   int checkonly)
{
    switch (op) {
    case IPMI_RESET_CHASSIS:
    case IPMI_POWERCYCLE_CHASSIS:
        if (!checkonly) {
            qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
        }
        return 0;
    case IPMI_POWEROFF_CHASSIS:
        if (!checkonly) {
            qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
        }
        return 0;
    case IPMI_SHUTDOWN_VIA_ACPI_OVERTEMP:
        if (!checkonly) {
            qemu_system_powerdown_request();
        }
        return 0;
    case IPMI_SEND_NMI:
        if (!checkonly) {
            /* Any CPU will do: the NMI is for the whole machine. */
            nmi_monitor_handle(0, NULL);
        }
        return 0;
    case IPMI_POWERON_CHASSIS:
        return 0;
    case IPMI_PULSE_DIAG_IRQ:
    default:
        return IPMI_CC_COMMAND_NOT_SUPPORTED;
    }
}

static void ipmi_interface_class_init(ObjectClass *oc, void *data)
{
    IPMIInterfaceClass *iic = IPMI_INTERFACE_CLASS(oc);

    iic->do_hw_op = ipmi_interface_do_hw_op;
}

static const TypeInfo ipmi_interface_info = {
    .name = TYPE_IPMI_INTERFACE,
    .parent = TYPE_INTERFACE,
    .class_size = sizeof(IPMIInterfaceClass),
    .class_init = ipmi_interface_class_init,
};

/*
 * A device lists only this one; QOM finds "ipmi-interface" through its parent.
 */
static const TypeInfo ipmi_interface_host_info = {
    .name = TYPE_IPMI_INTERFACE_HOST,
    .parent = TYPE_IPMI_INTERFACE,
    .class_size = sizeof(IPMIInterfaceHostClass),
};

static void ipmi_bmc_link_check(const Object *obj, const char *name,
                                Object *val, Error **errp)
{
    IPMIBmc *bmc = IPMI_BMC(val);

    if (bmc->intf) {
        error_setg(errp, "BMC object is already in use");
    }
}

void ipmi_bmc_find_and_link(Object *obj, Object **bmc)
{
    object_property_add_link(obj, "bmc", TYPE_IPMI_BMC, bmc,
                             ipmi_bmc_link_check, OBJ_PROP_LINK_STRONG);
}

static const Property ipmi_bmc_props[] = {
    DEFINE_PROP_UINT8("slave_addr", IPMIBmc, slave_addr, 0x20),
};

static void ipmi_bmc_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    device_class_set_props(dc, ipmi_bmc_props);
}

static const TypeInfo ipmi_bmc_info = {
    .name = TYPE_IPMI_BMC,
    .parent = TYPE_DEVICE,
    .abstract = true,
    .instance_size = sizeof(IPMIBmc),
    .class_size = sizeof(IPMIBmcClass),
    .class_init = ipmi_bmc_class_init,
};

static const TypeInfo ipmi_bmc_host_info = {
    .name = TYPE_IPMI_BMC_HOST,
    .parent = TYPE_IPMI_BMC,
    .abstract = true,
    .instance_size = sizeof(IPMIBmcHost),
    .class_size = sizeof(IPMIBmcHostClass),
};

static void ipmi_register_types(void)
{
    type_register_static(&ipmi_interface_info);
    type_register_static(&ipmi_interface_host_info);
    type_register_static(&ipmi_bmc_info);
    type_register_static(&ipmi_bmc_host_info);
}

type_init(ipmi_register_types)
