/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the ISA system interfaces ("isa-ipmi-kcs", "isa-ipmi-bt") share: the
 * checks of their "ioport" and "irq" properties, the ports and interrupt they
 * get, and what the firmware tables say of them.
 */
#ifndef HW_IPMI_ISA_IPMI_H
#define HW_IPMI_ISA_IPMI_H

#include "hw/isa/isa.h"

#include "ipmi_sysintf.h"

/*
 * Realize: checks that size ports from io_base fit the ISA I/O space and that
 * isairq (0 or less: none) is an ISA interrupt, sets si up as an interface of
 * kind (ipmi_sysintf_setup), and puts its registers at io_base and its
 * interrupt on isairq. Returns false, with errp set, on failure.
 */
bool isa_ipmi_realize(ISADevice *dev, IPMISysIntf *si,
                      const IPMISysIntfKind *kind, uint64_t size,
                      uint32_t io_base, int32_t isairq, Error **errp);

/* The firmware description of si, at io_base with interrupt isairq. */
void isa_ipmi_get_fwinfo(IPMISysIntf *si, IPMIFwInfo *info, uint32_t io_base,
                         int32_t isairq);

#endif /* HW_IPMI_ISA_IPMI_H */
