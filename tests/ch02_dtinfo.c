/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <string.h>

#include "ch02_blob.h"
#include "dtinfo.h"

struct expected {
    const char *file;
    int harts;
    uint64_t memory;
    const char *bootargs;
};

static const struct expected machines[] = {
    {"virt-smp1-128M.dtb", 1, 128ULL << 20, ""},
    {"virt-smp2-512M.dtb", 2, 512ULL << 20, ""},
    {"virt-smp4-1G.dtb", 4, 1ULL << 30, ""},
    {"virt-smp4-512M.dtb", 4, 512ULL << 20, ""},
    {"virt-smp8-128M.dtb", 8, 128ULL << 20, ""},
    {"virt-smp8-1G.dtb", 8, 1ULL << 30, ""},
    {"virt-smp2-256M-append.dtb", 2, 256ULL << 20, "test=all foo"},
};
static void check_machine(const struct expected *m, const struct dt_info *info, struct blob b)
{
    cr_assert_eq(info->hart_count, m->harts, "%s", m->file);
    for (int i = 0; i < m->harts; i++)
        cr_assert_eq(info->hart_ids[i], (uint32_t)i, "%s hart %d", m->file, i);
    cr_assert_eq(info->memory_count, 1, "%s", m->file);
    cr_assert_eq(info->memory[0].base, 0x80000000, "%s", m->file);
    cr_assert_eq(info->memory[0].size, m->memory, "%s", m->file);
    cr_assert_eq(info->reserved_count, 0, "%s", m->file);
    cr_assert_eq(info->timebase_hz, 10000000, "%s", m->file);
    cr_assert_eq(info->uart_base, 0x10000000, "%s", m->file);
    cr_assert_eq(info->uart_irq, 10, "%s", m->file);
    cr_assert_eq(info->plic_base, 0xc000000, "%s", m->file);
    cr_assert_eq(info->plic_size, 0x600000, "%s", m->file);
    cr_assert_eq(info->plic_ndev, 96, "%s", m->file);
    cr_assert_eq(info->test_base, 0x100000, "%s", m->file);
    cr_assert_str_eq(info->bootargs, m->bootargs, "%s", m->file);
    cr_assert_eq(info->dtb_size, b.size, "%s", m->file);
}

Test(ch02_dtinfo, every_fixture_describes_its_machine)
{
    for (size_t i = 0; i < sizeof machines / sizeof machines[0]; i++) {
        struct blob b = blob_load(machines[i].file);
        struct dt_info info;
        struct fdt_error err = {0};
        cr_assert_eq(dt_info_read(b.data, b.size, &info, &err), 0, "%s: %s at %u",
                     machines[i].file, err.message, err.offset);
        check_machine(&machines[i], &info, b);
        blob_free(b);
    }
}
static struct dt_info read_ok(struct blob b)
{
    struct dt_info info;
    struct fdt_error err = {0};
    cr_assert_eq(dt_info_read(b.data, b.size, &info, &err), 0, "%s at %u", err.message, err.offset);
    return info;
}

Test(ch02_dtinfo, bootargs_point_into_the_blob)
{
    struct blob b = blob_load("virt-smp2-256M-append.dtb");
    struct dt_info info = read_ok(b);
    cr_assert((const uint8_t *)info.bootargs > b.data &&
              (const uint8_t *)info.bootargs < b.data + b.size);
    blob_free(b);
    b = blob_load("virt-smp1-128M.dtb");
    info = read_ok(b);
    cr_assert_not_null(info.bootargs);
    cr_assert_str_eq(info.bootargs, "");
    blob_free(b);
}
static void set_status(struct blob b, const char *cpu, const char *status)
{
    uint32_t at = blob_prop(b, cpu, "status");
    cr_assert_eq(blob_get32(b, at + 4), strlen(status) + 1);
    memcpy(b.data + at + 12, status, strlen(status) + 1);
}

static void expect_error(struct blob b, const char *message, uint32_t offset)
{
    struct dt_info info;
    struct fdt_error err = {0};
    cr_assert_eq(dt_info_read(b.data, b.size, &info, &err), -1, "expected \"%s\"", message);
    cr_assert(contains(err.message, message), "got \"%s\", wanted \"%s\"", err.message, message);
    cr_assert_eq(err.offset, offset, "\"%s\" at %u, wanted %u", message, err.offset, offset);
}

static uint32_t end_token(struct blob b)
{
    return blob_header(b, FDT_H_OFF_DT_STRUCT) + blob_header(b, FDT_H_SIZE_DT_STRUCT) - 4;
}

Test(ch02_dtinfo, only_okay_cpus_are_harts)
{
    struct blob b = blob_load("virt-smp4-512M.dtb");
    set_status(b, "/cpus/cpu@1", "fail");
    struct dt_info info = read_ok(b);
    cr_assert_eq(info.hart_count, 3);
    cr_assert(info.hart_ids[0] == 0 && info.hart_ids[1] == 2 && info.hart_ids[2] == 3);
    set_status(b, "/cpus/cpu@0", "fail");
    set_status(b, "/cpus/cpu@2", "fail");
    set_status(b, "/cpus/cpu@3", "fail");
    expect_error(b, "no usable cpu", end_token(b));
    blob_free(b);
}
Test(ch02_dtinfo, missing_essentials_are_errors)
{
    struct blob b = blob_load("virt-smp1-128M.dtb");
    uint32_t compat = blob_prop(b, "/soc/serial@10000000", "compatible") + 12;
    b.data[compat + 7] = 'b';
    expect_error(b, "no UART", end_token(b));
    b.data[compat + 7] = 'a';
    uint32_t type = blob_prop(b, "/memory@80000000", "device_type") + 12;
    b.data[type + 5] = 'x';
    expect_error(b, "no memory node", end_token(b));
    b.data[type + 5] = 'y';
    uint32_t tb = blob_prop(b, "/cpus", "timebase-frequency");
    blob_put32(b, tb + 8, blob_string(b, "phandle"));
    expect_error(b, "no timebase-frequency", end_token(b));
    blob_put32(b, tb + 8, blob_string(b, "timebase-frequency"));
    read_ok(b);
    blob_free(b);
}
static const char *const cpu_paths[] = {"/cpus/cpu@0", "/cpus/cpu@1", "/cpus/cpu@2",
                                        "/cpus/cpu@3"};

static struct blob per_cpu_timebase(struct blob b, uint32_t hz)
{
    struct blob c = blob_copy(b, b.size);
    for (int i = 3; i >= 0; i--) {
        struct tokens t = {.names = c};
        tok_cells(&t, "timebase-frequency", &hz, 1);
        uint32_t name = (uint32_t)strlen(strrchr(cpu_paths[i], '/') + 1) + 1;
        uint32_t at = blob_node(c, cpu_paths[i]) + 4 + (name + 3) / 4 * 4;
        struct blob d = blob_splice(c, at, 0, t.buf, t.n);
        blob_free(c);
        c = d;
    }
    return c;
}

Test(ch02_dtinfo, timebase_may_be_given_per_cpu)
{
    struct blob b = blob_load("virt-smp4-512M.dtb");
    struct blob own = per_cpu_timebase(b, 20000000);        /* /cpus still says 10 MHz */
    cr_assert_eq(read_ok(own).timebase_hz, 20000000);
    uint32_t two = blob_prop(own, "/cpus/cpu@2", "timebase-frequency");
    blob_put32(own, two + 8, blob_string(own, "phandle"));  /* cpu@2 falls back */
    expect_error(own, "cpus disagree", blob_node(own, "/cpus/cpu@2"));
    blob_put32(own, two + 8, blob_string(own, "timebase-frequency"));
    uint32_t tb = blob_prop(own, "/cpus", "timebase-frequency");
    cr_assert_eq(blob_get32(own, tb + 4), 4);
    struct blob only = blob_splice(own, tb, 16, NULL, 0);
    struct dt_info info = read_ok(only);
    cr_assert(info.timebase_hz == 20000000 && info.hart_count == 4);
    two = blob_prop(only, "/cpus/cpu@2", "timebase-frequency");
    blob_put32(only, two + 12, 30000000);
    expect_error(only, "cpus disagree", two);
    blob_put32(only, two + 8, blob_string(only, "phandle"));
    expect_error(only, "no timebase-frequency", end_token(only));
    set_status(only, "/cpus/cpu@2", "fail");
    cr_assert_eq(read_ok(only).hart_count, 3);
    blob_free(b), blob_free(own), blob_free(only);
}
Test(ch02_dtinfo, malformed_values_are_errors_at_the_property)
{
    struct blob b = blob_load("virt-smp2-256M-append.dtb");
    uint32_t tb = blob_prop(b, "/cpus", "timebase-frequency");
    blob_put32(b, tb + 4, 3);
    expect_error(b, "not one or two cells", tb);
    blob_put32(b, tb + 4, 4);
    uint32_t args = blob_prop(b, "/chosen", "bootargs");
    b.data[args + 12 + blob_get32(b, args + 4) - 1] = 'x';
    expect_error(b, "bootargs is not a terminated string", args);
    b.data[args + 12 + blob_get32(b, args + 4) - 1] = '\0';
    uint32_t reg = blob_prop(b, "/memory@80000000", "reg");
    uint32_t size_low = blob_get32(b, reg + 12 + 12);
    blob_put32(b, reg + 12 + 8, 0xffffffff);            /* size 2^64 - 1 */
    blob_put32(b, reg + 12 + 12, 0xffffffff);
    expect_error(b, "wraps around", reg);
    blob_put32(b, reg + 12 + 8, 0);
    blob_put32(b, reg + 12 + 12, size_low);
    struct blob c = blob_splice(b, reg + 12, 4, NULL, 0);
    blob_put32(c, reg + 4, 12);
    expect_error(c, "whole number", reg);
    blob_free(c);
    uint32_t cpu_reg = blob_prop(b, "/cpus/cpu@1", "reg");
    blob_put32(b, cpu_reg + 8, blob_string(b, "phandle"));
    expect_error(b, "cpu node has no reg", blob_node(b, "/cpus/cpu@1"));
    blob_put32(b, cpu_reg + 8, blob_string(b, "reg"));
    uint32_t uart_reg = blob_prop(b, "/soc/serial@10000000", "reg");
    blob_put32(b, uart_reg + 8, blob_string(b, "phandle"));
    expect_error(b, "device has no reg", blob_node(b, "/soc/serial@10000000"));
    blob_free(b);
}
static struct blob with_prop_in(struct blob b, const char *path, struct tokens *t)
{
    uint32_t name = (uint32_t)strlen(strrchr(path, '/') + 1) + 1;
    return blob_splice(b, blob_node(b, path) + 4 + (name + 3) / 4 * 4, 0, t->buf, t->n);
}

Test(ch02_dtinfo, disabled_devices_are_not_used)
{
    const char *const devices[] = {"/soc/serial@10000000", "/soc/plic@c000000",
                                   "/soc/test@100000"};
    struct blob c = blob_load("virt-smp1-128M.dtb");
    for (int i = 0; i < 3; i++) {
        struct tokens t = {.names = c};
        tok_string(&t, "status", "disabled");
        struct blob d = with_prop_in(c, devices[i], &t);
        blob_free(c);
        c = d;
    }
    expect_error(c, "no UART", end_token(c));
    struct tokens t = {.names = c};
    tok_begin(&t, "serial@10001000");
    tok_string(&t, "compatible", "ns16550a");
    tok_cells(&t, "reg", (uint32_t[]){0, 0x10001000, 0, 0x100}, 4);
    tok_cells(&t, "interrupts", (uint32_t[]){11}, 1);
    tok_string(&t, "status", "ok");
    tok_end(&t);
    struct blob two = blob_splice(c, blob_node_end(c, devices[0]), 0, t.buf, t.n);
    struct dt_info info = read_ok(two);
    cr_assert(info.uart_base == 0x10001000 && info.uart_irq == 11);
    cr_assert(info.plic_base == 0 && info.test_base == 0);
    blob_free(c), blob_free(two);
}
static struct blob with_harts(struct blob b, int extra)
{
    uint32_t first = blob_node(b, "/cpus/cpu@0"), end = blob_node_end(b, "/cpus/cpu@0");
    uint32_t reg = blob_prop(b, "/cpus/cpu@0", "reg") + 12 - first;
    uint32_t len = end - first, at = blob_node_end(b, "/cpus/cpu@7");
    uint8_t *copies = malloc((size_t)len * extra);
    for (int k = 0; k < extra; k++) {
        memcpy(copies + (size_t)k * len, b.data + first, len);
        struct blob view = {copies + (size_t)k * len, len};
        blob_put32(view, reg, 8 + (uint32_t)k);
    }
    struct blob c = blob_splice(b, at, 0, copies, len * (uint32_t)extra);
    free(copies);
    return c;
}

Test(ch02_dtinfo, sixteen_harts_fit_and_seventeen_do_not)
{
    struct blob b = blob_load("virt-smp8-1G.dtb");
    struct blob ok = with_harts(b, DT_MAX_HARTS - 8), over = with_harts(b, DT_MAX_HARTS - 7);
    struct dt_info info = read_ok(ok);
    cr_assert_eq(info.hart_count, DT_MAX_HARTS);
    for (int i = 0; i < DT_MAX_HARTS; i++)
        cr_assert_eq(info.hart_ids[i], (uint32_t)i);
    uint32_t len = blob_node_end(b, "/cpus/cpu@0") - blob_node(b, "/cpus/cpu@0");
    expect_error(over, "more than 16 harts", blob_node_end(b, "/cpus/cpu@7") + 8 * len);
    blob_free(b), blob_free(ok), blob_free(over);
}
static struct blob with_regions(struct blob b, int n)
{
    uint32_t reg = blob_prop(b, "/memory@80000000", "reg");
    struct tokens t = {.names = b};
    for (int i = 0; i < n; i++) {
        tok_word(&t, 0);
        tok_word(&t, 0x80000000u + ((uint32_t)i << 20));
        tok_word(&t, 0);
        tok_word(&t, 1u << 20);
    }
    struct blob c = blob_splice(b, reg + 12, 16, t.buf, t.n);
    blob_put32(c, reg + 4, t.n);
    return c;
}

Test(ch02_dtinfo, sixteen_memory_regions_fit_and_seventeen_do_not)
{
    struct blob b = blob_load("virt-smp1-128M.dtb");
    struct blob ok = with_regions(b, DT_MAX_REGIONS), over = with_regions(b, DT_MAX_REGIONS + 1);
    struct dt_info info = read_ok(ok);
    cr_assert_eq(info.memory_count, DT_MAX_REGIONS);
    cr_assert_eq(info.memory[15].base, 0x80000000u + (15u << 20));
    cr_assert_eq(info.memory[15].size, 1u << 20);
    expect_error(over, "more than 16 memory regions", blob_prop(b, "/memory@80000000", "reg"));
    blob_free(b), blob_free(ok), blob_free(over);
}
static struct blob with_reservations(struct blob b, int n)
{
    struct tokens t = {.names = b};
    for (int i = 0; i < n; i++) {
        tok_word(&t, 0), tok_word(&t, 0x80000000u + ((uint32_t)i << 16));
        tok_word(&t, 0), tok_word(&t, 0x1000);
    }
    return blob_splice(b, blob_header(b, FDT_H_OFF_MEM_RSVMAP), 0, t.buf, t.n);
}
Test(ch02_dtinfo, reserved_regions_come_from_both_sources)
{
    struct blob b = blob_load("virt-smp1-128M.dtb");
    struct blob r = with_reservations(b, 2);
    struct tokens t = {.names = r};
    tok_begin(&t, "reserved-memory");
    tok_cells(&t, "#address-cells", (uint32_t[]){1}, 1);
    tok_cells(&t, "#size-cells", (uint32_t[]){1}, 1);
    tok_begin(&t, "mmode_resv0@80000000");
    tok_cells(&t, "reg", (uint32_t[]){0x80000000, 0x40000}, 2);
    tok_end(&t), tok_end(&t);
    uint32_t s_end = blob_header(r, FDT_H_OFF_DT_STRUCT) + blob_header(r, FDT_H_SIZE_DT_STRUCT);
    struct blob c = blob_splice(r, s_end - 8, 0, t.buf, t.n);
    struct dt_info info = read_ok(c);
    cr_assert_eq(info.reserved_count, 3);
    cr_assert(info.reserved[0].base == 0x80000000 && info.reserved[0].size == 0x1000);
    cr_assert(info.reserved[1].base == 0x80010000 && info.reserved[1].size == 0x1000);
    cr_assert(info.reserved[2].base == 0x80000000 && info.reserved[2].size == 0x40000);
    struct blob over = with_reservations(b, DT_MAX_REGIONS + 1);
    expect_error(over, "more than 16 reserved regions",
                 blob_header(b, FDT_H_OFF_MEM_RSVMAP) + 16 * DT_MAX_REGIONS);
    blob_free(b), blob_free(r), blob_free(c), blob_free(over);
}
Test(ch02_dtinfo, devices_behind_a_translating_bus_are_not_used)
{
    struct blob b = blob_load("virt-smp1-128M.dtb");
    uint32_t ranges = blob_prop(b, "/soc", "ranges");
    cr_assert_eq(blob_get32(b, ranges + 4), 0, "QEMU's /soc has an empty ranges");
    uint32_t entry[6] = {0};
    struct blob c = blob_splice(b, ranges + 12, 0, entry, sizeof entry);
    blob_put32(c, ranges + 4, sizeof entry);
    expect_error(c, "no UART", end_token(c));
    blob_free(b), blob_free(c);
}
