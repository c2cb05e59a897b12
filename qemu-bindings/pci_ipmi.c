/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The PCI side every PCI system interface shares (pci_ipmi.h).
 */
#include "qemu/osdep.h"
#include "hw/irq.h"
#include "hw/pci/pci.h"
#include "hw/pci/pci_ids.h"

#include "pci_ipmi.h"

void pci_ipmi_class_init(PCIDeviceClass *pdc)
{
    pdc->vendor_id = PCI_VENDOR_ID_QEMU;
    pdc->device_id = PCI_DEVICE_ID_QEMU_IPMI;
    pdc->revision = 1;
    pdc->class_id = PCI_CLASS_SERIAL_IPMI;
}

void pci_ipmi_setup(PCIDevice *pd, uint8_t prog_if, MemoryRegion *io,
                    qemu_irq *irq)
{
    assert(memory_region_size(io) == PCI_IPMI_BAR_SIZE);
    pci_config_set_prog_interface(pd->config, prog_if);
    /* The pin first: the interrupt drives the line the pin names. */
    pci_config_set_interrupt_pin(pd->config, 1);
    *irq = pci_allocate_irq(pd);
    pci_register_bar(pd, 0, PCI_BASE_ADDRESS_SPACE_IO, io);
}

void pci_ipmi_teardown(qemu_irq *irq)
{
    qemu_free_irq(*irq);
    *irq = NULL;
}
