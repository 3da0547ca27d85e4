import ChapterNotes from './ChapterNotes.astro';
import FigureSlot from './FigureSlot.astro';
import Heading from './Heading.astro';
import HeadingShifted from './HeadingShifted.astro';
import KeyTech from './KeyTech.astro';
import Label from './Label.astro';
import Lead from './Lead.astro';
import Marker from './Marker.astro';
import Note from './Note.astro';
import Para from './Para.astro';

/** The components the generated MDX refers to, by name. */
export const planComponents = { ChapterNotes, FigureSlot, Heading, KeyTech, Label, Lead, Marker, Note, Para };

/** The same, with the plan's chapter headings one level down (for pages titled by the plan). */
export const planComponentsShifted = { ...planComponents, Heading: HeadingShifted };
