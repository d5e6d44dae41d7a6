// How many of this process's file descriptors are open on `path` (Linux: /proc/self/fd).
import { readdirSync, readlinkSync } from "node:fs";

export const openCount = (path: string): number =>
  readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false; // the descriptor readdir itself used is gone
    }
  }).length;
