//! Which lexes are speech cues: the reporting forms of the lexicon, the
//! homographs that count only next to a quote or with the verb's accent, and
//! a verb that leads into a reporting infinitive.

use super::attr::Attr;
use crate::tokenize::pieces::PieceKind;

impl Attr<'_> {
    pub(super) fn is_cue_start(&self, k: usize) -> bool {
        self.cue_at(k).is_some() || self.c.source_cues.has(self.lx, k).is_some()
    }

    /// A cue at lex `k` (its end): a reporting form, or a homograph written
    /// with the form's accent ("criticó", never the adjective "crítico").
    pub(super) fn cue_at(&self, k: usize) -> Option<usize> {
        self.c.cues.has(self.lx, k).or_else(|| self.accented_homograph(k)).or_else(|| self.modal_cue(k))
    }

    /// "quiso dejar claro", "volvió a insistir", "went on to say": a verb
    /// that leads into a reporting infinitive: the end of the infinitive.
    pub(super) fn modal_cue(&self, k: usize) -> Option<usize> {
        let e = self.c.quo.cue_modals.has(self.lx, k)?;
        self.c.quo.cue_infinitives.has(self.lx, e)
    }

    pub(super) fn accented_homograph(&self, k: usize) -> Option<usize> {
        let (e, i) = self.c.cue_homographs.at(self.lx, k)?;
        let form = self.c.cue_homograph_forms.get(i as usize)?;
        (!form.is_ascii() && e == k + 1 && self.lx[k].text(self.t).to_lowercase() == *form).then_some(e)
    }

    /// A cue ending at lex `end` (exclusive), at most five lexes long: its start.
    pub(super) fn cue_ending_at(&self, end: usize) -> Option<usize> {
        let plain = self.c.cues.ending_at(self.lx, end, 5).map(|(s, ())| s);
        let modal = || {
            let (s, ()) = self.c.quo.cue_infinitives.ending_at(self.lx, end, 4)?;
            self.c.quo.cue_modals.ending_at(self.lx, s, 5).map(|(m, ())| m)
        };
        plain.or_else(|| (end > 0 && self.accented_homograph(end - 1) == Some(end)).then(|| end - 1)).or_else(modal)
    }

    /// A cue right next to a quote, where a homograph is the verb ("“…,”
    /// yells Trump", "«…», denuncia el sindicato").
    pub(super) fn cue_by_quote(&self, k: usize) -> Option<usize> {
        self.cue_at(k).or_else(|| self.c.cue_homographs.has(self.lx, k))
    }

    /// A homograph that leads into the quote opening at `oi` past a comma
    /// or a colon, after no determiner ("The Department notes, “…”", "el
    /// sindicato denuncia: «…»"; not "his notes, “…”"): its start.
    pub(super) fn homograph_leading(&self, end: usize, oi: usize) -> Option<usize> {
        if !(end + 1 == oi && self.punct(end, &[",", ":"])) {
            return None;
        }
        let (s, ()) = self.c.cue_homographs.ending_at(self.lx, end, 3).map(|(s, _)| (s, ()))?;
        (s > 0 && !self.is_det(s - 1)).then_some(s)
    }

    /// A homograph that ends a short clause after a quote ("“…,” she
    /// claims.", "“…,” Ms. Warren tweets on Monday"): the verb, not a noun.
    pub(super) fn homograph_ends_clause(&self, k: usize) -> Option<usize> {
        let e = self.c.cue_homographs.has(self.lx, k)?;
        let ends = self.lx.get(e).map_or(true, |l| l.newline_before || l.kind == PieceKind::Punct) || self.c.object_preps.has(self.lx, e).is_some() || self.temporal(e);
        ends.then_some(e)
    }
}
