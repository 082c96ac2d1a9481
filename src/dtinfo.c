/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "dtinfo.h"

struct props {
    struct fdt_item reg, device_type, status, compatible, interrupts;
    struct fdt_item ndev, timebase, bootargs, ranges;
};

struct reader {
    struct dt_info *info;
    struct fdt_error *err;
    struct props props;                 /* of the deepest open node */
    uint32_t node_offset;               /* its FDT_BEGIN_NODE token */
    struct {
        const char *name;
        int finished;
        int children_physical;
    } level[FDT_MAX_DEPTH + 1];
    int found_uart;
    uint64_t cpus_timebase;             /* /cpus timebase-frequency, 0 if absent */
    int hart_without_timebase;
};
static struct fdt_item *slot(struct props *p, const char *name)
{
    if (fdt_streq(name, "reg")) return &p->reg;
    if (fdt_streq(name, "device_type")) return &p->device_type;
    if (fdt_streq(name, "status")) return &p->status;
    if (fdt_streq(name, "compatible")) return &p->compatible;
    if (fdt_streq(name, "interrupts")) return &p->interrupts;
    if (fdt_streq(name, "riscv,ndev")) return &p->ndev;
    if (fdt_streq(name, "timebase-frequency")) return &p->timebase;
    if (fdt_streq(name, "bootargs")) return &p->bootargs;
    if (fdt_streq(name, "ranges")) return &p->ranges;
    return NULL;
}
static int add_region(struct dt_region *list, int *count, uint64_t base, uint64_t size,
                      const char *too_many, uint32_t offset, struct fdt_error *err)
{
    if (size > UINT64_MAX - base)
        return fdt_fail(err, "region wraps around the end of the address space", offset);
    if (*count == DT_MAX_REGIONS)
        return fdt_fail(err, too_many, offset);
    list[*count] = (struct dt_region){base, size};
    (*count)++;
    return 0;
}

static int add_reg_regions(struct dt_region *list, int *count, const struct fdt_item *reg,
                           const char *too_many, struct fdt_error *err)
{
    int n = fdt_reg_count(reg, err);
    for (int i = 0; i < n; i++) {
        uint64_t base, size;
        fdt_reg(reg, i, &base, &size);
        if (add_region(list, count, base, size, too_many, reg->offset, err) < 0)
            return -1;
    }
    return n < 0 ? -1 : 0;
}
static int is_string(const struct fdt_item *p, const char *s)
{
    const char *v = p->token == FDT_PROP ? fdt_prop_string(p) : NULL;
    return v != NULL && fdt_streq(v, s);
}

static int finish_memory(struct reader *r)
{
    struct props *p = &r->props;
    if (!is_string(&p->device_type, "memory") || p->reg.token != FDT_PROP)
        return 0;
    return add_reg_regions(r->info->memory, &r->info->memory_count, &p->reg,
                           "more than 16 memory regions", r->err);
}
static int is_enabled(const struct props *p)
{
    return p->status.token != FDT_PROP || is_string(&p->status, "okay") ||
           is_string(&p->status, "ok");
}
static int take_timebase(struct reader *r)
{
    const struct fdt_item *own = &r->props.timebase;
    uint64_t hz = r->cpus_timebase;
    uint32_t at = r->node_offset;
    if (own->token == FDT_PROP) {
        if (fdt_prop_uint(own, &hz, r->err) < 0)
            return -1;
        at = own->offset;
    }
    if (hz == 0) {
        r->hart_without_timebase = 1;
        return 0;
    }
    if (r->info->timebase_hz != 0 && r->info->timebase_hz != hz)
        return fdt_fail(r->err, "cpus disagree about timebase-frequency", at);
    r->info->timebase_hz = hz;
    return 0;
}

static int finish_cpu(struct reader *r)
{
    struct props *p = &r->props;
    struct dt_info *info = r->info;
    if (!is_string(&p->device_type, "cpu"))
        return 0;
    if (!is_enabled(p))
        return 0;
    if (p->reg.token != FDT_PROP)
        return fdt_fail(r->err, "cpu node has no reg", r->node_offset);
    uint64_t id, unused;
    if (fdt_reg_count(&p->reg, r->err) < 1)
        return fdt_fail(r->err, "cpu reg does not hold a hart ID", p->reg.offset);
    fdt_reg(&p->reg, 0, &id, &unused);
    if (id > UINT32_MAX)
        return fdt_fail(r->err, "hart ID does not fit in 32 bits", p->reg.offset);
    if (info->hart_count == DT_MAX_HARTS)
        return fdt_fail(r->err, "more than 16 harts", r->node_offset);
    info->hart_ids[info->hart_count++] = (uint32_t)id;
    return take_timebase(r);
}
static int finish_cpus(struct reader *r)
{
    if (r->props.timebase.token != FDT_PROP)
        return 0;
    return fdt_prop_uint(&r->props.timebase, &r->cpus_timebase, r->err);
}

static int finish_chosen(struct reader *r)
{
    if (r->props.bootargs.token != FDT_PROP)
        return 0;
    r->info->bootargs = fdt_prop_string(&r->props.bootargs);
    if (r->info->bootargs == NULL)
        return fdt_fail(r->err, "bootargs is not a terminated string",
                        r->props.bootargs.offset);
    return 0;
}

static int finish_reserved(struct reader *r)
{
    if (r->props.reg.token != FDT_PROP)
        return 0;
    return add_reg_regions(r->info->reserved, &r->info->reserved_count, &r->props.reg,
                           "more than 16 reserved regions", r->err);
}
static int first_reg(struct reader *r, uint64_t *base, uint64_t *size)
{
    if (r->props.reg.token != FDT_PROP)
        return fdt_fail(r->err, "device has no reg", r->node_offset);
    if (fdt_reg_count(&r->props.reg, r->err) < 1)
        return fdt_fail(r->err, "device reg is empty", r->props.reg.offset);
    fdt_reg(&r->props.reg, 0, base, size);
    return 0;
}
static int finish_device(struct reader *r)
{
    struct props *p = &r->props;
    struct dt_info *info = r->info;
    uint64_t size, ndev;
    if (p->compatible.token != FDT_PROP || !is_enabled(p))
        return 0;
    if (!r->found_uart && fdt_prop_has_string(&p->compatible, "ns16550a")) {
        if (first_reg(r, &info->uart_base, &size) < 0)
            return -1;
        if (p->interrupts.token == FDT_PROP && p->interrupts.len >= 4)
            info->uart_irq = fdt_read32(p->interrupts.value);
        r->found_uart = 1;
    } else if (info->plic_base == 0 && (fdt_prop_has_string(&p->compatible, "riscv,plic0") ||
                                        fdt_prop_has_string(&p->compatible, "sifive,plic-1.0.0"))) {
        if (first_reg(r, &info->plic_base, &info->plic_size) < 0)
            return -1;
        if (p->ndev.token == FDT_PROP) {
            if (fdt_prop_uint(&p->ndev, &ndev, r->err) < 0)
                return -1;
            info->plic_ndev = (uint32_t)ndev;
        }
    } else if (info->test_base == 0 && fdt_prop_has_string(&p->compatible, "sifive,test0")) {
        return first_reg(r, &info->test_base, &size);
    }
    return 0;
}
static int finish_node(struct reader *r, int depth)
{
    if (r->level[depth].finished)
        return 0;
    r->level[depth].finished = 1;
    const char *name = r->level[depth].name;
    const char *parent = r->level[depth - 1].name;
    int physical = depth == 1 || r->level[depth - 1].children_physical;
    r->level[depth].children_physical =
        depth == 1 || (physical && r->props.ranges.token == FDT_PROP && r->props.ranges.len == 0);
    if (depth == 2 && fdt_node_is(name, "memory"))
        return finish_memory(r);
    if (depth == 2 && fdt_streq(name, "cpus"))
        return finish_cpus(r);
    if (depth == 2 && fdt_streq(name, "chosen"))
        return finish_chosen(r);
    if (depth == 3 && fdt_streq(parent, "cpus"))
        return finish_cpu(r);
    if (depth == 3 && fdt_streq(parent, "reserved-memory"))
        return finish_reserved(r);
    return physical ? finish_device(r) : 0;
}
int dt_info_read(const void *blob, size_t size, struct dt_info *info, struct fdt_error *err)
{
    struct fdt fdt;
    struct reader r = {.info = info, .err = err};
    *info = (struct dt_info){.bootargs = ""};
    if (fdt_open(&fdt, blob, size, err) < 0)
        return -1;
    info->dtb_size = fdt.totalsize;
    for (int i = 0; i < fdt.rsv_count; i++) {
        uint64_t base, length;
        fdt_reservation(&fdt, i, &base, &length);
        uint32_t at = fdt.rsv_off + (uint32_t)i * FDT_RESERVE_ENTRY_SIZE;
        if (add_region(info->reserved, &info->reserved_count, base, length,
                       "more than 16 reserved regions", at, err) < 0)
            return -1;
    }
    r.level[0].name = "";
    struct fdt_walker w;
    struct fdt_item item;
    int more;
    fdt_walk_start(&w, &fdt);
    while ((more = fdt_next(&w, &item, err)) == 1) {
        int d = item.depth;
        if (item.token == FDT_BEGIN_NODE) {
            if (d > 1 && finish_node(&r, d - 1) < 0)
                return -1;
            r.level[d].name = item.name;
            r.level[d].finished = 0;
            r.props = (struct props){0};
            r.node_offset = item.offset;
        } else if (item.token == FDT_PROP) {
            struct fdt_item *s = slot(&r.props, item.name);
            if (s != NULL)
                *s = item;
        } else if (finish_node(&r, d) < 0) {
            return -1;
        }
    }
    if (more < 0)
        return -1;
    if (info->memory_count == 0)
        return fdt_fail(err, "no memory node with device_type \"memory\" and a reg", item.offset);
    if (info->hart_count == 0)
        return fdt_fail(err, "no usable cpu node under /cpus", item.offset);
    if (info->timebase_hz == 0 || r.hart_without_timebase)
        return fdt_fail(err, "no timebase-frequency in a cpu node or /cpus", item.offset);
    if (!r.found_uart)
        return fdt_fail(err, "no UART compatible with \"ns16550a\"", item.offset);
    return 0;
}
