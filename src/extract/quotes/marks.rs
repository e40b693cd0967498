//! Pairing quotation marks.

use crate::extract::lexicon::Compiled;
use super::{MAX_DEPTH, STACK_LOOK};
use crate::tokenize::pieces::{Piece, PieceKind};


/// The quotation mark at lex `k`, and whether it takes the next lex too:
/// typewriter doubles, `''` (closing, or both ways as in NYT text) and
/// ``` `` ``` (opening), stand for `”` and `“`.
pub(super) fn mark_at(text: &str, lx: &[Piece], k: usize) -> Option<(char, bool)> {
    let one = |i: usize| {
        let l = lx.get(i).filter(|l| l.kind == PieceKind::Punct)?;
        let mut ch = l.text(text).chars();
        match (ch.next(), ch.next()) {
            (Some(x), None) => Some(x),
            _ => None,
        }
    };
    let x = one(k)?;
    if matches!(x, '\'' | '`') && one(k + 1) == Some(x) && !lx[k + 1].space_before {
        return Some((if x == '`' { '“' } else { '”' }, true));
    }
    Some((x, false))
}

/// A mark that both opens and closes its own kind (`"`), which pairs by alternation.
fn symmetric(c: &Compiled, m: char) -> bool {
    c.lx.quote_pairs.iter().any(|(o, cl)| *o == m && *cl == m)
}

pub(super) fn is_mark(c: &Compiled, s: &str) -> bool {
    // `s` is the raw text of a punctuation lex.
    let mut ch = s.chars();
    match (ch.next(), ch.next()) {
        (Some(x), None) => c.lx.quote_pairs.iter().any(|(o, cl)| *o == x || *cl == x),
        _ => false,
    }
}

/// A quote's opening lex, closing lex, enclosing pair, and whether it ends
/// at a paragraph break rather than at a closing mark.
pub(super) type Pair = (usize, usize, Option<(usize, usize)>, bool);

/// How many lexes a straight mark may pair with a curly one across: mixed
/// pairs (`“…"`, `"…”`) are a typing slip inside one passage, never across it.
const MIXED_SPAN: usize = 60;

/// Whether `raw` at lex `k` closes the curly or straight double mark `open`
/// at lex `oi` of the other style: a straight mark glued to the word before
/// it and not to the one after, or a right curly mark, in the same
/// paragraph and nearby.
fn mixed_close(text: &str, lx: &[Piece], oi: usize, k: usize, open: char, raw: char) -> bool {
    let shaped = match (open, raw) {
        ('“', '"') => !lx[k].space_before && lx.get(k + 1).map_or(true, |n| n.space_before || n.kind == PieceKind::Punct),
        ('"', '”') => true,
        _ => false,
    };
    shaped && k - oi <= MIXED_SPAN && text.get(lx[oi].end..lx[k].start).is_some_and(|g| !g.contains("\n\n"))
}

/// A mark at lex `k` glued to a word or a stop before it and followed by a
/// space, the end of the text, or punctuation other than an opening mark.
fn closer_shaped(lx: &[Piece], k: usize) -> bool {
    let glued = k > 0 && !lx[k].space_before && !lx[k].newline_before && lx[k - 1].kind != PieceKind::Punct || k > 0 && !lx[k].space_before && matches!(lx[k - 1].norm.as_str(), "." | "," | "!" | "?");
    glued && lx.get(k + 1).map_or(true, |n| n.space_before || n.newline_before)
}

/// A mark at lex `k` after a space (or at the start) and glued to the word after it.
fn opener_shaped(lx: &[Piece], k: usize) -> bool {
    (k == 0 || lx[k].space_before) && lx.get(k + 1).is_some_and(|n| !n.space_before && matches!(n.kind, PieceKind::Word | PieceKind::Num))
}

/// Whether a paragraph break (two newlines) comes before lex `k`.
fn blank_line_before(text: &str, lx: &[Piece], k: usize) -> bool {
    k >= 1 && text.get(lx[k - 1].end.min(lx[k].start)..lx[k].start).is_some_and(|g| g.matches('\n').count() >= 2)
}

/// Lines of dialogue opened by a dash (`—No lo sé —dijo el ministro—. Habrá
/// que esperar.`): each stretch of speech is a quote, from the dash (or the
/// punctuation after the narrator's closing dash) to the next dash or the
/// end of the line. Only lines that hold the narrator's words (a second
/// dash) count: a lone dash may open a list item. One pass over the lexes.
fn dialogue(lx: &[Piece], text: &str, c: &Compiled, found: &mut Vec<(usize, usize, usize, bool)>) {
    let dashes = c.lx.dialogue_dashes;
    if dashes.is_empty() {
        return;
    }
    let n = lx.len();
    let dash = |k: usize| {
        let mut ch = lx[k].text(text).chars();
        lx[k].kind == PieceKind::Punct && matches!((ch.next(), ch.next()), (Some(x), None) if dashes.contains(&x))
    };
    let mut k = 0;
    while k < n {
        let opens = (k == 0 || lx[k].newline_before) && dash(k) && lx.get(k + 1).is_some_and(|l| !l.space_before && !l.newline_before);
        if !opens {
            k += 1;
            continue;
        }
        let (mut from, mut speech) = (k, true);
        // A line with no narrator's words may be a list item, not speech.
        let before = found.len();
        let mut j = k + 1;
        while j < n && !lx[j].newline_before {
            if dash(j) {
                if speech {
                    found.push((from, j, 0, false));
                } else {
                    // The speech goes on after the narrator's words, past their punctuation.
                    from = j;
                    while from + 1 < n && !lx[from + 1].newline_before && lx[from + 1].kind == PieceKind::Punct && matches!(lx[from + 1].norm.as_str(), "." | ",") {
                        from += 1;
                    }
                }
                speech = !speech;
            }
            j += 1;
        }
        // The last stretch ends at the line's end (at the end of the text, before its final mark).
        let end = if j < n { Some(j) } else { (lx[n - 1].kind == PieceKind::Punct).then(|| n - 1) };
        if let Some(e) = end.filter(|&e| speech && e > from + 1 && found.len() > before) {
            found.push((from, e, 0, true));
        }
        k = j;
    }
}

/// Pairs quotation marks, sorted by opening lex.
pub(super) fn pair_marks(text: &str, lx: &[Piece], c: &Compiled) -> Vec<Pair> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut found: Vec<(usize, usize, usize, bool)> = Vec::new(); // (open, close, depth, ends at a paragraph break)
    let mut k = 0;
    while k < lx.len() {
        let l = &lx[k];
        k += 1;
        if l.kind != PieceKind::Punct {
            continue;
        }
        let Some((raw, second)) = mark_at(text, lx, k - 1) else { continue };
        // A doubled mark is one mark of two lexes: it opens after its second
        // lex and closes before its first.
        let (open_lex, close_lex) = (if second { k } else { k - 1 }, k - 1);
        if second {
            k += 1;
        }
        // A paragraph break with a straight quote still open that the new
        // paragraph does not re-open: the mark was a stray one, and pairing
        // it with a later mark would swallow whole paragraphs.
        if l.newline_before && blank_line_before(text, lx, k - 1) {
            // Only the top of the stack, so that unbalanced input stays linear.
            while stack.last().is_some_and(|&(_, open)| symmetric(c, open) && open != raw) {
                stack.pop();
            }
        }
        let closes = |open: char| c.lx.quote_pairs.iter().any(|(o, cl)| *o == open && *cl == raw);
        let depth = stack.len();
        // A mark opening a paragraph while the same kind of quote is still
        // open: a quote running over paragraphs re-opens each one. Each
        // paragraph is a quote of its own, the first ending at the break
        // (and so with no attribution after it), the next one continuing it.
        if l.newline_before && lx.get(open_lex + 1).is_some_and(|n| !n.space_before) {
            if let Some(&(oi, open)) = stack.last() {
                // Lines of one paragraph stay one quote.
                if open == raw && !blank_line_before(text, lx, k - 1) {
                    continue;
                }
                if open == raw {
                    stack.pop();
                    found.push((oi, close_lex, stack.len(), true));
                    stack.push((open_lex, raw));
                    continue;
                }
            }
        }
        let mut closed = false;
        // A straight mark shaped as an opener (`los diarios "chicha"`) opens
        // a quote inside the one still open rather than closing it.
        let opens_only = symmetric(c, raw) && !second && opener_shaped(lx, k - 1);
        for d in 0..STACK_LOOK.min(depth) {
            let (oi, open) = stack[depth - 1 - d];
            if (closes(open) && !opens_only) || (d == 0 && mixed_close(text, lx, oi, k - 1, open, raw)) {
                stack.truncate(depth - 1 - d);
                found.push((oi, close_lex, stack.len(), false));
                closed = true;
                break;
            }
        }
        if closed {
            continue;
        }
        if c.lx.quote_pairs.iter().any(|(o, _)| *o == raw) {
            // A right single quote glued to a word is an apostrophe, never an opener.
            if raw == '’' && !l.space_before && k >= 2 && lx[k - 2].kind == PieceKind::Word {
                continue;
            }
            // A straight mark shaped as a closer (glued to the word before,
            // not to the one after: `l," the family`) is a stray one: as an
            // opener it would pair with the next quote's opening mark.
            // (Not after a cue and its comma, `said," [Warhol] liked`: a slip of spacing.)
            let after_cue = k >= 3 && matches!(lx[k - 2].norm.as_str(), "," | ":") && c.cues.ending_at(lx, k - 2, 5).is_some();
            if symmetric(c, raw) && !second && closer_shaped(lx, k - 1) && !after_cue {
                continue;
            }
            stack.push((open_lex, raw));
        }
    }
    dialogue(lx, text, c, &mut found);
    found.sort_unstable();
    // Parent of each pair: the nearest enclosing one (the previous pair that contains it).
    let mut out = Vec::with_capacity(found.len());
    let mut open_stack: Vec<(usize, usize)> = Vec::new();
    for &(o, cl, _, open_end) in &found {
        while let Some(&(_, pc)) = open_stack.last() {
            // `<=`: a paragraph's quote opens at the lex where the last one ended.
            if pc <= o {
                open_stack.pop();
            } else {
                break;
            }
        }
        let parent = open_stack.last().copied().filter(|&(_, pc)| cl < pc);
        if open_stack.len() < MAX_DEPTH {
            out.push((o, cl, parent, open_end));
        }
        open_stack.push((o, cl));
    }
    out
}
