// Working time of a calendar at minute grain: what SLA clocks count (spec §4). Only time inside
// the calendar's working hours, read on the wall clock of its IANA zone (DST included), on dates
// that are not its holidays, counts; a calendar without working_hours counts every minute.
//
// Counting must be cheap: a workspace computes the clocks of every incident on each change, and a
// big one has 100 000 of them. So the working intervals are built once per calendar as absolute
// [start, end) instants in blocks of 32 days, each with running totals; a count is then two binary
// searches plus the totals of the blocks in between, whatever the length of the span.

import { IANAZone } from 'luxon';
import type { CalendarDoc } from '../model';
import { weekdayIndexOfDay } from '../time/dates';
import { isValidZone } from '../time/zone';
import { holidaysOf } from './holidays';
import { weeklySlots, type DaySlots } from './slots';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BLOCK_DAYS = 32;
const BLOCK = BLOCK_DAYS * DAY;
/** Offsets are sampled this often to find DST changes; no zone changes its offset twice in a day. */
const OFFSET_SAMPLE = DAY;
/** How far addWorkingMinutes looks ahead before it gives up on a calendar that never works. */
const MAX_LOOKAHEAD_BLOCKS = Math.ceil((100 * 366 * DAY) / BLOCK);

/** The working intervals of one block, sorted and disjoint, with the working time before each. */
interface Block {
  starts: Float64Array;
  ends: Float64Array;
  /** Working ms inside this block before interval i. */
  before: Float64Array;
  total: number;
}

/** A stretch of time over which the zone's UTC offset does not change. */
interface OffsetPiece {
  start: number;
  end: number;
  offsetMs: number;
}

export class WorkingTime {
  readonly id: string;
  readonly timezone: string;
  private readonly zone: IANAZone;
  /** Working slots per weekday (0 = Sunday) in minutes since local midnight, merged and sorted. */
  private readonly slots: readonly DaySlots[];
  /** Holidays as day numbers (days since 1970-01-01), the same numbering as local dates below. */
  private readonly holidays: ReadonlySet<number>;
  /** Every instant counts: no working_hours and no holidays, so no zone lookup is needed at all. */
  private readonly allTheTime: boolean;
  /** Some weekday has a working slot; without one, no working time ever passes. */
  private readonly worksAtAll: boolean;
  private readonly blocks = new Map<number, Block>();

  /** Throws an Error naming the calendar and the zone when the zone is unknown. */
  constructor(doc: CalendarDoc) {
    this.id = doc.id;
    this.timezone = doc.timezone;
    if (!isValidZone(doc.timezone)) {
      throw new Error(
        `calendar "${doc.id}": unknown time zone "${String(doc.timezone)}"; use an IANA name such as Europe/Moscow or UTC`,
      );
    }
    this.zone = IANAZone.create(doc.timezone);
    this.slots = weeklySlots(doc);
    this.holidays = new Set(holidaysOf(doc).keys());
    this.allTheTime = doc.working_hours === undefined && this.holidays.size === 0;
    this.worksAtAll = this.slots.some((day) => day.length > 0);
  }

  /** Working minutes in [fromMs, toMs); 0 when toMs is not after fromMs. May be fractional. */
  workingMinutes(fromMs: number, toMs: number): number {
    return this.workingMs(fromMs, toMs) / MINUTE;
  }

  /**
   * The earliest instant at which `minutes` of working time have passed since fromMs: when a
   * target of that length is reached. fromMs itself for 0 minutes; Infinity when the calendar
   * never works (no working slot on any weekday).
   */
  addWorkingMinutes(fromMs: number, minutes: number): number {
    return this.addWorkingMs(fromMs, minutes * MINUTE);
  }

  workingMs(fromMs: number, toMs: number): number {
    if (!(toMs > fromMs) || !Number.isFinite(fromMs) || !Number.isFinite(toMs)) return 0;
    if (this.allTheTime) return toMs - fromMs;
    if (!this.worksAtAll) return 0;
    const first = Math.floor(fromMs / BLOCK);
    const last = Math.floor(toMs / BLOCK);
    const a = this.block(first);
    if (first === last) return workBefore(a, toMs) - workBefore(a, fromMs);
    let sum = a.total - workBefore(a, fromMs);
    for (let k = first + 1; k < last; k++) sum += this.block(k).total;
    return sum + workBefore(this.block(last), toMs);
  }

  addWorkingMs(fromMs: number, ms: number): number {
    if (!(ms > 0) || !Number.isFinite(fromMs)) return fromMs;
    if (this.allTheTime) return fromMs + ms;
    if (!this.worksAtAll) return Infinity;
    let k = Math.floor(fromMs / BLOCK);
    let block = this.block(k);
    let target = workBefore(block, fromMs) + ms;
    for (let i = 0; i < MAX_LOOKAHEAD_BLOCKS; i++) {
      if (target <= block.total) return instantOfWork(block, target);
      target -= block.total;
      block = this.block(++k);
    }
    return Infinity;
  }

  /** The working intervals that meet [fromMs, toMs), clipped to it: for hovers, previews and tests. */
  workingIntervals(fromMs: number, toMs: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (!(toMs > fromMs) || !Number.isFinite(fromMs) || !Number.isFinite(toMs)) return out;
    if (this.allTheTime) return [[fromMs, toMs]];
    for (let k = Math.floor(fromMs / BLOCK); k <= Math.floor(toMs / BLOCK); k++) {
      const b = this.block(k);
      for (let i = 0; i < b.starts.length; i++) {
        const start = Math.max(b.starts[i]!, fromMs);
        const end = Math.min(b.ends[i]!, toMs);
        if (end <= start) continue;
        // Blocks cut intervals at their edges; join the halves again.
        const prev = out[out.length - 1];
        if (prev && prev[1] === start) prev[1] = end;
        else out.push([start, end]);
      }
    }
    return out;
  }

  private block(k: number): Block {
    let b = this.blocks.get(k);
    if (!b) {
      b = this.buildBlock(k * BLOCK, (k + 1) * BLOCK);
      this.blocks.set(k, b);
    }
    return b;
  }

  /**
   * An instant counts when its local date is a working date and its local wall-clock time lies in
   * a slot of that date. Over a stretch with one UTC offset the wall clock is the instant shifted
   * by that offset, so each slot is one interval there. Treating slots as sets of instants (rather
   * than converting their two ends) is what makes DST exact: a slot across the spring-forward gap
   * is an hour shorter, one across the fall-back overlap an hour longer, and a slot that starts
   * inside the gap starts when the clock jumps past its start time.
   */
  private buildBlock(blockStart: number, blockEnd: number): Block {
    const pieces = this.offsetPieces(blockStart, blockEnd);
    const found: Array<[number, number]> = [];
    // A local date is within a day of the UTC date of the same instant (offsets are under 24 h).
    const firstDay = Math.floor(blockStart / DAY) - 1;
    const lastDay = Math.floor(blockEnd / DAY) + 1;
    for (let day = firstDay; day <= lastDay; day++) {
      if (this.holidays.has(day)) continue;
      const daySlots = this.slots[weekdayIndexOfDay(day)]!;
      for (const [from, to] of daySlots) {
        const wallStart = day * DAY + from * MINUTE;
        const wallEnd = day * DAY + to * MINUTE;
        for (const piece of pieces) {
          const start = Math.max(wallStart - piece.offsetMs, piece.start);
          const end = Math.min(wallEnd - piece.offsetMs, piece.end);
          if (end > start) found.push([start, end]);
        }
      }
    }
    found.sort((x, y) => x[0] - y[0]);
    // Touching intervals (midnight on a 24×7 day, a DST change inside a slot) become one.
    const merged: Array<[number, number]> = [];
    for (const iv of found) {
      const prev = merged[merged.length - 1];
      if (prev && iv[0] <= prev[1]) prev[1] = Math.max(prev[1], iv[1]);
      else merged.push([iv[0], iv[1]]);
    }
    const n = merged.length;
    const block: Block = {
      starts: new Float64Array(n),
      ends: new Float64Array(n),
      before: new Float64Array(n),
      total: 0,
    };
    let total = 0;
    for (let i = 0; i < n; i++) {
      block.starts[i] = merged[i]![0];
      block.ends[i] = merged[i]![1];
      block.before[i] = total;
      total += merged[i]![1] - merged[i]![0];
    }
    block.total = total;
    return block;
  }

  /** The stretches of [from, to) with a constant UTC offset, the offsets taken from luxon's zone data. */
  private offsetPieces(from: number, to: number): OffsetPiece[] {
    // Rounded: old local-mean-time offsets have seconds, and minutes × 60 000 must stay whole ms.
    const offsetAt = (t: number) => Math.round(this.zone.offset(t) * MINUTE);
    const pieces: OffsetPiece[] = [];
    let start = from;
    let offsetMs = offsetAt(from);
    for (let t = from; t < to - 1; ) {
      const next = Math.min(t + OFFSET_SAMPLE, to - 1);
      if (offsetAt(next) !== offsetMs) {
        // The offset changed in (t, next]: find the first millisecond with the new one.
        let lo = t;
        let hi = next;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (offsetAt(mid) === offsetMs) lo = mid;
          else hi = mid;
        }
        pieces.push({ start, end: hi, offsetMs });
        start = hi;
        offsetMs = offsetAt(hi);
      }
      t = next;
    }
    pieces.push({ start, end: to, offsetMs });
    return pieces;
  }
}

/** Working ms of the block before instant t. */
function workBefore(b: Block, t: number): number {
  // The last interval starting at or before t.
  let lo = 0;
  let hi = b.starts.length - 1;
  let i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (b.starts[mid]! <= t) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (i < 0) return 0;
  return b.before[i]! + Math.min(t, b.ends[i]!) - b.starts[i]!;
}

/** The earliest instant of the block by which `work` ms (0 < work ≤ total) have passed. */
function instantOfWork(b: Block, work: number): number {
  // The first interval whose end reaches the amount.
  let lo = 0;
  let hi = b.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b.before[mid]! + b.ends[mid]! - b.starts[mid]! >= work) hi = mid;
    else lo = mid + 1;
  }
  return b.starts[lo]! + (work - b.before[lo]!);
}
