// The seven Sundanese roof forms, one module each, behind one registry.
import { badakHeuay } from "./badak-heuay";
import { bukaPalayu } from "./buka-palayu";
import { capitGunting } from "./capit-gunting";
import type { RoofBuilder } from "./common";
import { jolopong } from "./jolopong";
import { julangNgapak } from "./julang-ngapak";
import { parahuKumureb } from "./parahu-kumureb";
import { tagogAnjing } from "./tagog-anjing";

export type { RoofBuilder, RoofColors, RoofFrame } from "./common";

export const ROOF_FORMS = [
  "julang-ngapak",
  "jolopong",
  "badak-heuay",
  "parahu-kumureb",
  "tagog-anjing",
  "buka-palayu",
  "capit-gunting",
] as const;

export type RoofForm = (typeof ROOF_FORMS)[number];

export const ROOF_BUILDERS: Readonly<Record<RoofForm, RoofBuilder>> = {
  "julang-ngapak": (g, f, c) => julangNgapak(g, f, c),
  jolopong: (g, f, c) => jolopong(g, f, c),
  "badak-heuay": (g, f, c) => badakHeuay(g, f, c),
  "parahu-kumureb": (g, f, c) => parahuKumureb(g, f, c),
  "tagog-anjing": (g, f, c) => tagogAnjing(g, f, c),
  "buka-palayu": (g, f, c) => bukaPalayu(g, f, c),
  "capit-gunting": (g, f, c) => capitGunting(g, f, c),
};

/** Human labels (Sundanese) for the legend or a debug overlay. */
export const ROOF_LABELS: Readonly<Record<RoofForm, string>> = {
  "julang-ngapak": "Julang ngapak",
  jolopong: "Jolopong",
  "badak-heuay": "Badak heuay",
  "parahu-kumureb": "Parahu kumureb",
  "tagog-anjing": "Tagog anjing",
  "buka-palayu": "Buka palayu",
  "capit-gunting": "Capit gunting",
};
