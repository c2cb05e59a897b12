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

bool pci_ipmi_realize(PCIDevice *pd, IPMISysIntf *si,
                      const IPMISysIntfKind *kind, uint8_t prog_if,
                      Error **errp)
{
    if (!ipmi_sysintf_setup(si, kind, OBJECT(pd), PCI_IPMI_BAR_SIZE, errp)) {
        return false;
    }
    pci_config_set_prog_interface(pd->config, prog_if);
    /* The pin first: the interrupt drives the line the pin names. */
    pci_config_set_interrupt_pin(pd->config, 1);
    si->irq = pci_allocate_irq(pd);
    pci_register_bar(pd, 0, PCI_BASE_ADDRESS_SPACE_IO, &si->io);
    return true;
}

void pci_ipmi_exit(IPMISysIntf *si)
{
    qemu_free_irq(si->irq);
    si->irq = NULL;
    ipmi_sysintf_release(si);
}
