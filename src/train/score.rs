//! Exact-span precision, recall and F1 with conlleval semantics: a predicted
//! entity counts only if its start, end and label all match a gold entity.

use crate::ner::Label;
use std::collections::HashSet;

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Accumulates counts per label over many sentences or documents.
#[derive(Clone, Debug, Default)]
pub struct Scorer {
    pub per_label: [Counts; 4],
}

fn idx(l: Label) -> usize {
    Label::ALL.iter().position(|&x| x == l).unwrap_or(0)
}

impl Scorer {
    /// Adds one unit (a sentence or document) of gold and predicted spans
    /// `(start, end, label)`, with `end` exclusive.
    pub fn add(&mut self, gold: &[(usize, usize, Label)], pred: &[(usize, usize, Label)]) {
        let g: HashSet<_> = gold.iter().copied().collect();
        let p: HashSet<_> = pred.iter().copied().collect();
        for s in &p {
            if g.contains(s) {
                self.per_label[idx(s.2)].tp += 1;
            } else {
                self.per_label[idx(s.2)].fp += 1;
            }
        }
        for s in &g {
            if !p.contains(s) {
                self.per_label[idx(s.2)].fn_ += 1;
            }
        }
    }

    pub fn overall(&self) -> Counts {
        let mut c = Counts::default();
        for x in &self.per_label {
            c.tp += x.tp;
            c.fp += x.fp;
            c.fn_ += x.fn_;
        }
        c
    }

    pub fn label(&self, l: Label) -> Counts {
        self.per_label[idx(l)]
    }

    /// A table of P/R/F1 per label and overall; the last line is `F1 <value>`.
    pub fn report(&self) -> String {
        let mut s = format!(
            "{:<8}{:>8}{:>8}{:>8}{:>8}{:>8}{:>8}\n",
            "label", "P", "R", "F1", "tp", "fp", "fn"
        );
        let mut row = |name: &str, c: Counts| {
            s.push_str(&format!(
                "{:<8}{:>8.4}{:>8.4}{:>8.4}{:>8}{:>8}{:>8}\n",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            ));
        };
        for l in Label::ALL {
            row(l.as_str(), self.label(l));
        }
        row("overall", self.overall());
        s.push_str(&format!("F1 {:.4}\n", self.overall().f1()));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::*;

    #[test]
    fn exact_spans_only() {
        let mut s = Scorer::default();
        // gold: PER 0..2, LOC 3..4, ORG 5..7
        // pred: PER 0..2 (tp), LOC 3..5 (fp + fn), ORG 5..7 as MISC (fp MISC, fn ORG)
        s.add(
            &[(0, 2, Per), (3, 4, Loc), (5, 7, Org)],
            &[(0, 2, Per), (3, 5, Loc), (5, 7, Misc)],
        );
        assert_eq!(
            s.label(Per),
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            s.label(Loc),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            s.label(Org),
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(
            s.label(Misc),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
        let o = s.overall();
        assert_eq!(
            o,
            Counts {
                tp: 1,
                fp: 2,
                fn_: 2
            }
        );
        assert!((o.precision() - 1.0 / 3.0).abs() < 1e-12);
        assert!((o.recall() - 1.0 / 3.0).abs() < 1e-12);
        assert!((o.f1() - 1.0 / 3.0).abs() < 1e-12);
        // A second unit: 2 of 2 gold found, plus one spurious.
        s.add(
            &[(0, 1, Per), (2, 3, Per)],
            &[(0, 1, Per), (2, 3, Per), (4, 5, Per)],
        );
        let o = s.overall();
        assert_eq!(
            o,
            Counts {
                tp: 3,
                fp: 3,
                fn_: 2
            }
        );
        assert!((o.precision() - 0.5).abs() < 1e-12);
        assert!((o.recall() - 0.6).abs() < 1e-12);
        assert!((o.f1() - 6.0 / 11.0).abs() < 1e-12);
        assert!(s.report().ends_with("F1 0.5455\n"));
    }

    #[test]
    fn empty_is_zero() {
        let s = Scorer::default();
        assert_eq!(s.overall().f1(), 0.0);
        assert!(s.report().ends_with("F1 0.0000\n"));
    }
}
