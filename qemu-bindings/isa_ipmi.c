/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ISA side every ISA system interface shares (isa_ipmi.h).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"

#include "isa_ipmi.h"

#define ISA_IO_SPACE_SIZE 0x10000

bool isa_ipmi_realize(ISADevice *dev, IPMISysIntf *si,
                      const IPMISysIntfKind *kind, uint64_t size,
                      uint32_t io_base, int32_t isairq, Error **errp)
{
    if (io_base > ISA_IO_SPACE_SIZE - size) {
        error_setg(errp, "ioport 0x%" PRIx32 " is outside the ISA I/O space",
                   io_base);
        return false;
    }
    if (isairq >= ISA_NUM_IRQS) {
        error_setg(errp, "irq %" PRId32 " is not an ISA interrupt (0-%d)",
                   isairq, ISA_NUM_IRQS - 1);
        return false;
    }
    if (!ipmi_sysintf_setup(si, kind, OBJECT(dev), size, errp)) {
        return false;
    }
    if (isairq > 0) {
        si->irq = isa_get_irq(dev, isairq);
    }
    isa_register_ioport(dev, &si->io, io_base);
    return true;
}

void isa_ipmi_get_fwinfo(IPMISysIntf *si, IPMIFwInfo *info, uint32_t io_base,
                         int32_t isairq)
{
    ipmi_sysintf_get_fwinfo(si, info);
    info->base_address = io_base;
    info->interrupt_number = isairq > 0 ? isairq : 0;
}
