// The test hook in VR, through the lazily loaded XR session: the probe's queries fail outside a session.
import type { XrState } from "../xr/xr-mode";
import type { TurnMode } from "../xr/turning";
import type { XrProbe } from "../xr/xr-probe";
import type { HookContext } from "./hook-context";

export interface XrHook extends XrProbe {
  state(): XrState;
  exit(): Promise<void>;
  setTurnMode(mode: TurnMode): void;
}

export function xrHook({ deps }: HookContext): XrHook {
  const probe = (): XrProbe => {
    const run = deps.xr.run;
    if (!run) throw new Error("test hook: no VR session is running");
    return run.probe;
  };
  return {
    state: () => deps.xr.state,
    exit: () => deps.xr.exit(),
    setTurnMode: (mode) => {
      const run = deps.xr.run;
      if (!run) throw new Error("test hook: no VR session is running");
      run.setTurnMode(mode);
    },
    controllers: () => probe().controllers(),
    hands: () => probe().hands(),
    pointedAt: () => probe().pointedAt(),
    menuVisible: () => probe().menuVisible(),
    hideMenu: () => probe().hideMenu(),
    menuControlCenter: (name) => probe().menuControlCenter(name),
    menuCover: () => probe().menuCover(),
    pose: () => probe().pose(),
    endSession: () => probe().endSession(),
  };
}
