/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the PCI system interfaces ("pci-ipmi-kcs", "pci-ipmi-bt") share, as
 * upstream's devices have it: QEMU's IPMI device id, class IPMI (0C07h) with
 * the interface in the programming interface byte, the registers at the start
 * of an I/O BAR 0 and one interrupt, INTA#.
 *
 * Neither device describes itself to SMBIOS or ACPI (no get_fwinfo, no AML),
 * as upstream: QEMU builds those tables before the firmware assigns the BAR,
 * so they could only give a wrong address, and Linux finds the interface by
 * its PCI class (ipmi_si's PCI driver) with the BAR and interrupt the
 * firmware gave it. A table entry as well would be a second, broken
 * interface to it.
 */
#ifndef HW_IPMI_PCI_IPMI_H
#define HW_IPMI_PCI_IPMI_H

#include "hw/pci/pci_device.h"

#include "ipmi_sysintf.h"

/* Programming interface values of class IPMI (PCI code and ID assignment). */
#define PCI_IPMI_PROG_IF_SMIC 0x00
#define PCI_IPMI_PROG_IF_KCS 0x01
#define PCI_IPMI_PROG_IF_BT 0x02

/* Bytes of I/O BAR 0; the registers come first, the rest reads 0xff. */
#define PCI_IPMI_BAR_SIZE 8

/* Ids and class, for class_init. */
void pci_ipmi_class_init(PCIDeviceClass *pdc);

/*
 * Realize: sets si up as an interface of kind (ipmi_sysintf_setup) with a
 * window of PCI_IPMI_BAR_SIZE bytes, sets the programming interface and
 * INTA#, makes si's interrupt drive INTA# and registers the window as BAR 0.
 * Returns false, with errp set, on failure.
 */
bool pci_ipmi_realize(PCIDevice *pd, IPMISysIntf *si,
                      const IPMISysIntfKind *kind, uint8_t prog_if,
                      Error **errp);

/* Unrealize: frees the interrupt and lets the BMC go. */
void pci_ipmi_exit(IPMISysIntf *si);

#endif /* HW_IPMI_PCI_IPMI_H */
