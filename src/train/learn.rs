//! `lupa train`: an averaged structured perceptron over hashed features with
//! first-order Viterbi, quantised to i8 on export.

use super::conll::{self, join_document, Document};
use super::score::Scorer;
use crate::lang::Lang;
use crate::ner::features::{self, DocFeatures, Featurizer, Gazetteer, HASH_BITS};
use crate::ner::model::{self, Model, ModelParts, Scheme};
use crate::ner::Label;
use std::time::Instant;

pub(super) struct Args {
    pub(super) lang: Option<Lang>,
    pub(super) train: Vec<String>,
    pub(super) dev: Vec<String>,
    pub(super) out: Option<String>,
    pub(super) epochs: usize,
    pub(super) scheme: Scheme,
    pub(super) gazetteers: Option<String>,
    pub(super) min_weight: i8,
    pub(super) stages: usize,
    pub(super) first_names: usize,
    pub(super) train_gazetteer: bool,
    pub(super) lists: Option<String>,
    pub(super) clusters: Option<String>,
    pub(super) cluster_words: usize,
    pub(super) augment: usize,
    pub(super) levels: u8,
    pub(super) min_count: usize,
    pub(super) max_rows: usize,
    pub(super) files: Vec<String>,
    /// `lupa eval --paragraphs`: each document's sentences joined into one paragraph.
    pub(super) paragraphs: bool,
}

pub(super) fn parse_args(args: &[String]) -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut a = Args {
        lang: None,
        train: Vec::new(),
        dev: Vec::new(),
        out: None,
        epochs: 10,
        scheme: Scheme::Bio,
        gazetteers: None,
        min_weight: 1,
        stages: 2,
        first_names: 4000,
        train_gazetteer: false,
        lists: None,
        clusters: None,
        cluster_words: 30000,
        augment: 0,
        levels: 15,
        min_count: 1,
        max_rows: usize::MAX,
        files: Vec::new(),
        paragraphs: false,
    };
    // Free values after `--train` or `--dev` belong to that list, until the next flag.
    #[derive(PartialEq)]
    enum List {
        Files,
        Train,
        Dev,
    }
    let mut list = List::Files;
    let mut p = lexopt::Parser::from_args(args.iter().cloned());
    let num = |v: Result<std::ffi::OsString, lexopt::Error>, what: &str| -> Result<String, String> {
        v.map_err(|e| e.to_string())?.into_string().map_err(|_| format!("{what} is not UTF-8"))
    };
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        let flag = match &arg {
            Long(f) => f.to_string(),
            Value(v) => {
                let v = v.clone().into_string().map_err(|_| "an argument is not UTF-8".to_owned())?;
                match list {
                    List::Train => a.train.push(v),
                    List::Dev => a.dev.push(v),
                    List::Files => a.files.push(v),
                }
                continue;
            }
            Short(c) => return Err(format!("unknown option -{c}")),
        };
        list = List::Files;
        let mut value = |name: &str| num(p.value(), name);
        let number = |s: String, msg: &str| s.parse::<usize>().map_err(|_| msg.to_owned());
        match flag.as_str() {
            "lang" => a.lang = Some(value("--lang")?.parse()?),
            "out" => a.out = Some(value("--out")?),
            "epochs" => a.epochs = number(value("--epochs")?, "--epochs needs a number")?,
            "min-weight" => {
                a.min_weight = value("--min-weight")?.parse().map_err(|_| "--min-weight needs a number 0..127")?
            }
            "min-count" => a.min_count = number(value("--min-count")?, "--min-count needs a number")?,
            "max-rows" => a.max_rows = number(value("--max-rows")?, "--max-rows needs a number")?,
            "levels" => {
                a.levels = value("--levels")?
                    .parse()
                    .ok()
                    .filter(|l| (1..=127).contains(l))
                    .ok_or("--levels needs a number 1..127")?
            }
            "stages" => a.stages = number(value("--stages")?, "--stages needs 1 or 2")?,
            "scheme" => {
                a.scheme = match value("--scheme")?.as_str() {
                    "bio" => Scheme::Bio,
                    "bilou" => Scheme::Bilou,
                    o => return Err(format!("unknown scheme {o:?}: expected bio or bilou")),
                }
            }
            "gazetteers" => a.gazetteers = Some(value("--gazetteers")?),
            "first-names" => a.first_names = number(value("--first-names")?, "--first-names needs a number")?,
            "train-gazetteer" => a.train_gazetteer = true,
            "paragraphs" => a.paragraphs = true,
            "lists" => a.lists = Some(value("--lists")?),
            "clusters" => a.clusters = Some(value("--clusters")?),
            "cluster-words" => a.cluster_words = number(value("--cluster-words")?, "--cluster-words needs a number")?,
            "augment" => a.augment = number(value("--augment")?, "--augment needs a number")?,
            "train" => list = List::Train,
            "dev" => list = List::Dev,
            other => return Err(format!("unknown option --{other}")),
        }
    }
    Ok(a)
}

/// Loads the gazetteer lists of a directory laid out like `gazetteers-es/`:
/// `spanish_names.csv` (names with frequencies; the `top_names` most frequent are
/// kept), `person_*first_names*.txt`, `person_*last_names*.txt`,
/// `address_*countries*.txt`, other `address_*.txt`, `company_*.txt`.
/// Files are read in sorted order, so the result is deterministic.
pub fn load_gazetteers(dir: &str, top_names: usize) -> Result<Gazetteer, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{dir}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    let mut entries: Vec<(String, u8)> = Vec::new();
    for name in &names {
        let path = format!("{dir}/{name}");
        let class = if name.starts_with("person_") && name.contains("first_names") {
            features::GAZ_FIRST
        } else if name.starts_with("person_") && name.contains("last_names") {
            features::GAZ_LAST
        } else if name.starts_with("address_") && name.contains("countries") {
            features::GAZ_COUNTRY
        } else if name.starts_with("address_") {
            features::GAZ_PLACE
        } else if name.starts_with("company_") {
            features::GAZ_COMPANY
        } else if name == "spanish_names.csv" {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            let mut rows: Vec<(f64, String)> = text
                .lines()
                .skip(1)
                .filter_map(|l| {
                    let c: Vec<&str> = l.split(',').collect();
                    if c.len() < 4 {
                        return None;
                    }
                    let f = c[2].parse::<f64>().unwrap_or(0.0) + c[3].parse::<f64>().unwrap_or(0.0);
                    Some((f, c[1].to_string()))
                })
                .collect();
            rows.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            entries.extend(
                rows.into_iter()
                    .take(top_names)
                    .map(|(_, n)| (n, features::GAZ_FIRST)),
            );
            continue;
        } else {
            continue;
        };
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        entries.extend(text.lines().map(|l| (l.trim().to_string(), class)));
    }
    Ok(Gazetteer::build(
        entries.iter().map(|(s, c)| (s.as_str(), *c)),
    ))
}

/// The name lists of a language's data folder (`src/lang/<lang>/data`), each
/// entry (first column) split by Lupa's tokenizer as the text will be, with
/// its class. Missing files are skipped; the order is fixed, so the result is
/// deterministic.
pub fn load_lists(dir: &str, lang: Lang) -> Result<Vec<(u32, u16)>, String> {
    const FILES: [(&str, u8); 6] = [
        ("places.tsv", features::GAZ_PLACE),
        ("divisions.tsv", features::GAZ_PLACE),
        ("orgs.tsv", features::GAZ_ORG),
        ("persons.txt", features::GAZ_PERSON),
        ("demonyms.txt", features::GAZ_DEMONYM),
        ("page_furniture.txt", features::GAZ_FURNITURE),
    ];
    let mut out = Vec::new();
    for (name, class) in FILES {
        let path = format!("{dir}/{name}");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let entry = line.split('\t').next().unwrap_or("").trim();
            let toks = crate::tokenize::tokenize(entry, lang);
            if !toks.is_empty() && toks.len() <= Gazetteer::MAX_WORDS {
                out.push((features::phrase_hash(toks.iter().map(|t| &entry[t.start..t.end])), 1u16 << class));
            }
        }
    }
    Ok(out)
}

/// Word classes from a `word TAB cluster TAB log-probability` file, most
/// probable first (`shared/data/clusters`): the first `max` folded forms that
/// have a cluster, each with the cluster and probability of its most probable
/// spelling. Rarity is the negated log-probability, one step per unit.
pub fn load_clusters(path: &str, max: usize) -> Result<features::WordClasses, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut seen: std::collections::BTreeMap<u32, u16> = Default::default();
    let mut index: std::collections::HashMap<u32, u16> = Default::default();
    let mut paths = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if seen.len() >= max {
            break;
        }
        let mut c = line.split('\t');
        let (Some(w), Some(cl), Some(lp)) = (c.next(), c.next(), c.next()) else {
            continue;
        };
        let (Ok(cl), Ok(lp)) = (cl.parse::<u32>(), lp.parse::<f64>()) else {
            continue;
        };
        let key = features::word_key(features::fold_hash(w));
        if cl == 0 || seen.contains_key(&key) || paths.len() >= 4095 && !index.contains_key(&cl) {
            continue;
        }
        let next = paths.len() as u16;
        let ix = *index.entry(cl).or_insert(next);
        if ix == next {
            paths.push(cl);
        }
        let rare = ((-lp).floor() as i64 - 1).clamp(1, 15) as u16;
        seen.insert(key, ix << 4 | rare);
    }
    let (keys, vals) = seen.into_iter().unzip();
    Ok(features::WordClasses { keys, vals, paths })
}

/// Case-changed copies of every `every`-th document (0: none), for text that
/// is not written like the wire: in turn all capitals (headlines, datelines),
/// every word capitalised (English headlines) and all lower case. Each copy
/// is its own document (its document features see only itself) and keeps the
/// gold labels. Returns the copies and, for each, the index of its original,
/// so that a copy sits in its original's fold.
fn case_copies(docs: &[Document], every: usize) -> (Vec<Document>, Vec<usize>) {
    let (mut out, mut orig) = (Vec::new(), Vec::new());
    if every == 0 {
        return (out, orig);
    }
    for (i, d) in docs.iter().enumerate().filter(|(i, _)| i % every == 0) {
        let style = (i / every) % 3;
        let change = |w: &str| -> String {
            match style {
                0 => w.to_uppercase(),
                1 => {
                    let mut c = w.chars();
                    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
                }
                _ => w.to_lowercase(),
            }
        };
        let mut copy = d.clone();
        for s in &mut copy.sentences {
            for w in &mut s.words {
                *w = change(w);
            }
        }
        out.push(copy);
        orig.push(i);
    }
    (out, orig)
}

/// One featurised document with gold tags and sentence starts.
#[derive(Clone)]
struct Prepared {
    feats: DocFeatures,
    starts: Vec<bool>,
    gold: Vec<usize>,
    spans: Vec<(usize, usize, Label)>,
    /// Sentence boundaries as token ranges.
    sents: Vec<(usize, usize)>,
    /// Scores added to the emissions (`n × ntags`): the first stage's, for the second.
    prior: Vec<f32>,
}

/// Entity strings of up to four words in `docs`, except those of fold `skip`
/// (of `k`), each with its most frequent label, as raw gazetteer entries.
fn train_entities(docs: &[Document], skip: Option<usize>, k: usize, lang: Lang) -> Vec<(u32, u16)> {
    let mut counts: std::collections::BTreeMap<u32, [u32; 4]> = Default::default();
    for (i, d) in docs.iter().enumerate() {
        if Some(i % k) == skip {
            continue;
        }
        for s in &d.sentences {
            for (a, b, l) in s.spans() {
                // The entity as Lupa's tokenizer splits it ("Agricultura," -> "Agricultura" ",").
                let joined = s.words[a..b].join(" ");
                let toks = crate::tokenize::tokenize(&joined, lang);
                if toks.len() <= Gazetteer::MAX_WORDS {
                    let key = features::phrase_hash(toks.iter().map(|t| &joined[t.start..t.end]));
                    counts.entry(key).or_default()
                        [Label::ALL.iter().position(|&x| x == l).unwrap_or(0)] += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .map(|(key, c)| {
            let best = (0..4).fold(0, |b, j| if c[j] > c[b] { j } else { b });
            (key, features::GAZ_TRAIN | (best as u16) << 13)
        })
        .collect()
}

fn prepare(docs: &[Document], lang: Lang, gaz: &Gazetteer, scheme: Scheme) -> Vec<Prepared> {
    prepare_with(docs, lang, &|_| gaz, scheme)
}

fn prepare_with<'g>(
    docs: &[Document],
    lang: Lang,
    gaz_for: &dyn Fn(usize) -> &'g Gazetteer,
    scheme: Scheme,
) -> Vec<Prepared> {
    let tags = scheme.tags();
    docs.iter()
        .enumerate()
        .map(|(di, d)| {
            let mut fz = Featurizer::new(lang, gaz_for(di));
            // Train on what inference sees: the document joined as `lupa eval`
            // joins it, then Lupa's own tokens and sentences, with the gold
            // labels projected onto them.
            let (text, offs) = join_document(d);
            let mut gold_ent: Vec<Option<(usize, Label)>> = vec![None; offs.len()];
            let mut base = 0;
            let mut k = 0;
            for s in &d.sentences {
                for (a, b, l) in s.spans() {
                    for g in &mut gold_ent[base + a..base + b] {
                        *g = Some((k, l));
                    }
                    k += 1;
                }
                base += s.words.len();
            }
            let tokens = crate::tokenize::tokenize(&text, lang);
            let sentences = crate::tokenize::sentences(&tokens);
            let sentence_starts = crate::ner::segment_starts(&text, &tokens, &sentences);
            // Decoding units (and `Prepared::starts`) are lines, as in `recognise`.
            let starts = crate::ner::line_starts(&text, &tokens);
            let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
            // A Lupa token takes the entity of the gold token containing its start.
            let ent_of: Vec<Option<(usize, Label)>> = tokens
                .iter()
                .map(|t| {
                    let g = offs.partition_point(|o| o.1 <= t.start);
                    match offs.get(g) {
                        Some(o) if o.0 <= t.start => gold_ent[g],
                        _ => None,
                    }
                })
                .collect();
            let mut spans = Vec::new();
            let mut i = 0;
            while i < words.len() {
                let Some((e, l)) = ent_of[i] else {
                    i += 1;
                    continue;
                };
                let mut j = i + 1;
                while j < words.len() && !starts[j] && ent_of[j].map(|x| x.0) == Some(e) {
                    j += 1;
                }
                spans.push((i, j, l));
                i = j;
            }
            let mut sents = Vec::new();
            let mut s0 = 0;
            for i in 1..=words.len() {
                if i == words.len() || starts[i] {
                    sents.push((s0, i));
                    s0 = i;
                }
            }
            let gold_tags = scheme.encode(words.len(), &spans);
            let gold = gold_tags
                .iter()
                .map(|t| tags.iter().position(|x| x == t).unwrap_or(0))
                .collect();
            let mut feats = DocFeatures::default();
            fz.document(&words, &sentence_starts, &mut feats);
            Prepared {
                feats,
                starts,
                gold,
                spans,
                sents,
                prior: Vec::new(),
            }
        })
        .collect()
}

fn with_stage2(m1: &Model, d: &Prepared) -> Prepared {
    let path = crate::ner::viterbi_doc(m1, &d.feats, &d.starts);
    let mut f2 = DocFeatures::default();
    crate::ner::stage2_input(m1, &d.feats, &path, &d.starts, true, &mut f2);
    let prior = Vec::new();
    Prepared {
        feats: f2,
        starts: d.starts.clone(),
        gold: d.gold.clone(),
        spans: d.spans.clone(),
        sents: d.sents.clone(),
        prior,
    }
}

#[derive(Clone, Copy)]
struct StageOpts {
    scheme: Scheme,
    levels: u8,
    max_rows: usize,
    min_count: usize,
    epochs: usize,
    min_weight: i8,
}

/// Trains one stage; returns its model bytes. `first` is the first stage's
/// bytes when this is the second stage (for evaluating on dev).
fn train_stage(
    train: &[Prepared],
    dev: &[Prepared],
    gaz: &Gazetteer,
    o: &StageOpts,
    first: Option<&[u8]>,
) -> Result<Vec<u8>, String> {
    if o.max_rows == usize::MAX {
        return Ok(train_stage_once(train, dev, gaz, o, first, None)?.0);
    }
    // Prune, then retrain on the kept features only, so that the weight of
    // the dropped features moves to the kept ones.
    eprintln!("selecting {} features", o.max_rows);
    let (_, kept) = train_stage_once(train, &[], gaz, o, first, None)?;
    let mut keep = vec![false; 1 << HASH_BITS];
    for b in kept {
        keep[b as usize] = true;
    }
    eprintln!("retraining on them");
    Ok(train_stage_once(train, dev, gaz, o, first, Some(&keep))?.0)
}

fn train_stage_once(
    train: &[Prepared],
    dev: &[Prepared],
    gaz: &Gazetteer,
    o: &StageOpts,
    first: Option<&[u8]>,
    keep: Option<&[bool]>,
) -> Result<(Vec<u8>, Vec<u32>), String> {
    let scheme = o.scheme;
    let nt = scheme.tags().len();
    let t0 = Instant::now();
    let mut counts = vec![0u32; 1 << HASH_BITS];
    for d in train {
        for &f in &d.feats.feats {
            counts[f as usize] = counts[f as usize].saturating_add(1);
        }
    }
    let filtered: Vec<Prepared>;
    let train = if o.min_count > 1 || keep.is_some() {
        filtered = filter_features(train, &counts, o.min_count, keep);
        &filtered[..]
    } else {
        train
    };
    let mut units: Vec<(usize, usize)> = Vec::new();
    for (di, d) in train.iter().enumerate() {
        for si in 0..d.sents.len() {
            units.push((di, si));
        }
    }
    let mut p = Perceptron::new(nt);
    let mut rng = XorShift(0x5eed_1234_abcd_0001);
    let end_ok: Vec<bool> = scheme.tags().iter().map(|&t| model::allowed_end(t, scheme)).collect();
    let export_now = |p: &Perceptron| {
        let (w, t) = p.averaged();
        export(scheme, &w, &t, gaz, o.min_weight, &counts, o.max_rows, o.levels)
    };
    let (mut bytes, mut kept) = (Vec::new(), Vec::new());
    for epoch in 1..=o.epochs {
        // Fisher-Yates shuffle with the fixed-seed generator.
        for i in (1..units.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            units.swap(i, j);
        }
        let errors = train_epoch(&mut p, train, &units, scheme, &end_ok);
        let last = epoch == o.epochs;
        let msg = if dev.is_empty() || (!last && epoch % 2 == 1) {
            String::new()
        } else {
            (bytes, kept) = export_now(&p);
            let sc = score_dev(&bytes, first, dev)?;
            let all = sc.overall();
            format!(" model {} bytes; dev P {:.4} R {:.4} F1 {:.4}", bytes.len(), all.precision(), all.recall(), all.f1())
        };
        eprintln!("epoch {epoch}: {errors} sentences wrong of {};{msg} ({:.1}s)", units.len(), t0.elapsed().as_secs_f64());
    }
    if bytes.is_empty() || dev.is_empty() {
        (bytes, kept) = export_now(&p);
    }
    Ok((bytes, kept))
}

/// The documents with only the features seen at least `min_count` times in
/// training (`counts`), and kept by `keep` if given: the others get no weight.
fn filter_features(train: &[Prepared], counts: &[u32], min_count: usize, keep: Option<&[bool]>) -> Vec<Prepared> {
    train
        .iter()
        .map(|d| {
            let mut p = d.clone();
            p.feats.feats.clear();
            p.feats.offsets.clear();
            p.feats.offsets.push(0);
            for i in 0..d.feats.len() {
                p.feats.feats.extend(
                    d.feats.token(i).iter().filter(|&&f| counts[f as usize] as usize >= min_count && keep.map_or(true, |k| k[f as usize])),
                );
                p.feats.offsets.push(p.feats.feats.len() as u32);
            }
            p
        })
        .collect()
}

/// One pass of the perceptron over the sentences `units` in their order;
/// returns how many were tagged wrong.
fn train_epoch(p: &mut Perceptron, train: &[Prepared], units: &[(usize, usize)], scheme: Scheme, end_ok: &[bool]) -> usize {
    let nt = scheme.tags().len();
    let (mut em, mut path) = (Vec::new(), Vec::new());
    let mut errors = 0usize;
    for &(di, si) in units {
        let d = &train[di];
        let (s, e) = d.sents[si];
        em.clear();
        match d.prior.get(s * nt..e * nt) {
            Some(p) if !d.prior.is_empty() => em.extend_from_slice(p),
            _ => em.resize((e - s) * nt, 0.0f32),
        }
        for i in s..e {
            let o = &mut em[(i - s) * nt..(i - s + 1) * nt];
            for &f in d.feats.token(i) {
                let r = &p.w[f as usize * nt..(f as usize + 1) * nt];
                for (x, y) in o.iter_mut().zip(r) {
                    *x += *y;
                }
            }
        }
        let tr = model::constrain(scheme, &p.tw);
        model::viterbi(&em, nt, &tr, end_ok, &mut path);
        let gold = &d.gold[s..e];
        if path.as_slice() != gold {
            errors += 1;
            update(p, d, s, gold, &path, nt);
        }
        p.c += 1.0;
    }
    errors
}

/// The perceptron update for one sentence from token `s`: towards `gold`,
/// away from the predicted `path`, for emissions and transitions.
fn update(p: &mut Perceptron, d: &Prepared, s: usize, gold: &[usize], path: &[usize], nt: usize) {
    let c = p.c;
    for i in 0..gold.len() {
        let (g, y) = (gold[i], path[i]);
        if g != y {
            for &f in d.feats.token(s + i) {
                Perceptron::upd(&mut p.w, &mut p.acc, f as usize * nt + g, 1.0, c);
                Perceptron::upd(&mut p.w, &mut p.acc, f as usize * nt + y, -1.0, c);
            }
        }
        let gp = if i == 0 { 0 } else { gold[i - 1] + 1 };
        let yp = if i == 0 { 0 } else { path[i - 1] + 1 };
        if (gp, g) != (yp, y) {
            Perceptron::upd(&mut p.tw, &mut p.tacc, gp * nt + g, 1.0, c);
            Perceptron::upd(&mut p.tw, &mut p.tacc, yp * nt + y, -1.0, c);
        }
    }
}

/// The dev score of a stage's exported bytes (after the first stage's, when
/// this is the second).
fn score_dev(bytes: &[u8], first: Option<&[u8]>, dev: &[Prepared]) -> Result<Scorer, String> {
    let m = match first {
        Some(f) => {
            let mut all = f.to_vec();
            all.extend_from_slice(bytes);
            Model::from_bytes(&all)?
        }
        None => Model::from_bytes(bytes)?,
    };
    let mut sc = Scorer::default();
    for d in dev {
        let pred = match (&m.next, first) {
            // Dev documents already carry stage-2 features.
            (Some(m2), Some(_)) => {
                let path = crate::ner::viterbi_doc(m2, &d.feats, &d.starts);
                crate::ner::spans_of(m2, &path, &d.starts)
            }
            _ => crate::ner::tag_features(&m, &d.feats, &d.starts),
        };
        sc.add(&d.spans, &pred);
    }
    Ok(sc)
}

struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// Averaged perceptron state.
struct Perceptron {
    w: Vec<f32>,
    acc: Vec<f64>,
    tw: Vec<f32>,
    tacc: Vec<f64>,
    c: f64,
}

impl Perceptron {
    fn new(nt: usize) -> Self {
        let n = (1usize << HASH_BITS) * nt;
        Perceptron {
            w: vec![0.0; n],
            acc: vec![0.0; n],
            tw: vec![0.0; (nt + 1) * nt],
            tacc: vec![0.0; (nt + 1) * nt],
            c: 1.0,
        }
    }
    fn upd(w: &mut [f32], acc: &mut [f64], i: usize, d: f32, c: f64) {
        w[i] += d;
        acc[i] += c * d as f64;
    }
    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let c = self.c;
        let w = self
            .w
            .iter()
            .zip(&self.acc)
            .map(|(&w, &a)| (w as f64 - a / c) as f32)
            .collect();
        let t = self
            .tw
            .iter()
            .zip(&self.tacc)
            .map(|(&w, &a)| (w as f64 - a / c) as f32)
            .collect();
        (w, t)
    }
}

/// Quantises averaged weights into model bytes.
#[allow(clippy::too_many_arguments)]
fn export(
    scheme: Scheme,
    w: &[f32],
    trans: &[f32],
    gaz: &Gazetteer,
    min_weight: i8,
    counts: &[u32],
    max_rows: usize,
    levels: u8,
) -> (Vec<u8>, Vec<u32>) {
    let nt = scheme.tags().len();
    // Scale so that the 99.99th percentile of non-zero magnitudes maps to `levels`.
    let mut mags: Vec<f32> = w.iter().filter(|x| **x != 0.0).map(|x| x.abs()).collect();
    let q = if mags.is_empty() {
        1.0
    } else {
        let k = ((mags.len() as f64) * 0.9999) as usize;
        let k = k.min(mags.len() - 1);
        *mags.select_nth_unstable_by(k, |a, b| a.total_cmp(b)).1
    };
    let scale = levels as f32 / q.max(1e-6);
    let mut buckets = Vec::new();
    let mut rows: Vec<i8> = Vec::new();
    for b in 0..(1usize << HASH_BITS) {
        let r = &w[b * nt..(b + 1) * nt];
        // Weights below `min_weight` are zeroed: they hardly change a decision
        // and zeros compress well.
        let qr: Vec<i8> = r
            .iter()
            .map(|x| (x * scale).round().clamp(-127.0, 127.0) as i8)
            .map(|q| {
                if q.unsigned_abs() < min_weight.max(1) as u8 {
                    0
                } else {
                    q
                }
            })
            .collect();
        if qr
            .iter()
            .any(|x| x.unsigned_abs() >= min_weight.max(1) as u8)
        {
            buckets.push(b as u32);
            rows.extend(qr);
        }
    }
    // Keep the `max_rows` rows that move the most score over the training data:
    // training frequency × the row's total weight.
    if buckets.len() > max_rows {
        let mut imp: Vec<(u64, u32, usize)> = buckets
            .iter()
            .enumerate()
            .map(|(r, &b)| {
                let l1: u64 = rows[r * nt..(r + 1) * nt]
                    .iter()
                    .map(|x| x.unsigned_abs() as u64)
                    .sum();
                (
                    l1 * counts.get(b as usize).copied().unwrap_or(0).max(1) as u64,
                    b,
                    r,
                )
            })
            .collect();
        imp.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        imp.truncate(max_rows);
        imp.sort_unstable_by_key(|x| x.1);
        let mut nb = Vec::with_capacity(max_rows);
        let mut nr = Vec::with_capacity(max_rows * nt);
        for &(_, b, r) in &imp {
            nb.push(b);
            nr.extend_from_slice(&rows[r * nt..(r + 1) * nt]);
        }
        buckets = nb;
        rows = nr;
    }
    let trans = model::constrain(scheme, trans);
    let bytes = ModelParts {
        scheme,
        trans: &trans,
        buckets: &buckets,
        rows: &rows,
        scale,
        gazetteer: gaz,
    }
    .to_bytes();
    (bytes, buckets)
}

fn evaluate(m: &Model, dev: &[Prepared]) -> Scorer {
    let mut s = Scorer::default();
    for d in dev {
        let pred = crate::ner::tag_features(m, &d.feats, &d.starts);
        s.add(&d.spans, &pred);
    }
    s
}

/// `lupa train --lang es|en --train FILE... --dev FILE --out models/<lang>.bin [--epochs N]
/// [--scheme bio|bilou] [--stages 1|2] [--gazetteers DIR] [--first-names N] [--train-gazetteer]
/// [--max-rows N] [--levels N] [--min-weight N] [--min-count N]`
pub fn train_cmd(args: &[String]) -> Result<(), String> {
    let a = parse_args(args)?;
    let lang = a.lang.ok_or("--lang es|en is required")?;
    let out = a.out.clone().ok_or("--out FILE is required")?;
    if a.train.is_empty() {
        return Err("--train FILE... is required".into());
    }
    let t0 = Instant::now();
    let mut gaz = match &a.gazetteers {
        Some(d) => load_gazetteers(d, a.first_names)?,
        None => Gazetteer::default(),
    };
    if let Some(d) = &a.lists {
        gaz = gaz.merged(&load_lists(d, lang)?);
    }
    if let Some(f) = &a.clusters {
        gaz.words = load_clusters(f, a.cluster_words)?;
    }
    let mut train_docs = Vec::new();
    for f in &a.train {
        train_docs.extend(conll::read(f)?);
    }
    let mut dev_docs = Vec::new();
    for f in &a.dev {
        dev_docs.extend(conll::read(f)?);
    }
    let scheme = a.scheme;
    // The training-data gazetteer and the jackknife go by fold; a case copy
    // is in its original's fold, so no model ever sees a copy of what it tags.
    let (copies, orig) = case_copies(&train_docs, a.augment);
    let mut fold_of: Vec<usize> = (0..train_docs.len()).collect();
    fold_of.extend(orig);
    let n_orig = train_docs.len();
    train_docs.extend(copies);
    let (gaz, train) = if a.train_gazetteer {
        // Entity strings of the training data, as a gazetteer; each training
        // document sees only the strings of the other folds.
        const K: usize = 4;
        let folds: Vec<Gazetteer> = (0..K)
            .map(|k| gaz.merged(&train_entities(&train_docs[..n_orig], Some(k), K, lang)))
            .collect();
        let train = prepare_with(&train_docs, lang, &|i| &folds[fold_of[i] % K], scheme);
        (gaz.merged(&train_entities(&train_docs[..n_orig], None, K, lang)), train)
    } else {
        let train = prepare(&train_docs, lang, &gaz, scheme);
        (gaz, train)
    };
    let dev = prepare(&dev_docs, lang, &gaz, scheme);
    eprintln!(
        "{} training documents, {} sentences; {} dev documents; gazetteer {} entries; featurised in {:.1}s",
        train.len(),
        train.iter().map(|d| d.sents.len()).sum::<usize>(),
        dev.len(),
        gaz.keys.len(),
        t0.elapsed().as_secs_f64()
    );
    let opts = StageOpts {
        scheme,
        levels: a.levels,
        max_rows: a.max_rows,
        epochs: a.epochs,
        min_weight: a.min_weight,
        min_count: a.min_count,
    };
    // Stage 1 on all the training data.
    eprintln!("stage 1");
    let bytes1 = train_stage(&train, &dev, &gaz, &opts, None)?;
    let mut bytes = bytes1.clone();
    if a.stages >= 2 {
        // Stage 2 learns from stage-1 predictions; on the training data those
        // come from K models each trained without the fold it predicts.
        const K: usize = 4;
        let mut train2: Vec<Option<Prepared>> = (0..train.len()).map(|_| None).collect();
        for k in 0..K {
            let (held, rest): (Vec<usize>, Vec<usize>) = (0..train.len()).partition(|&i| fold_of[i] % K == k);
            let part: Vec<Prepared> = rest.iter().map(|&i| train[i].clone()).collect();
            eprintln!("stage 1, fold {}/{K}", k + 1);
            let fb = train_stage(
                &part,
                &[],
                &gaz,
                &StageOpts {
                    epochs: a.epochs,
                    ..opts
                },
                None,
            )?;
            let fm = Model::from_bytes(&fb)?;
            for i in held {
                train2[i] = Some(with_stage2(&fm, &train[i]));
            }
        }
        let train2: Vec<Prepared> = train2
            .into_iter()
            .map(|x| x.expect("every fold predicted"))
            .collect();
        let m1 = Model::from_bytes(&bytes1)?;
        let dev2: Vec<Prepared> = dev.iter().map(|d| with_stage2(&m1, d)).collect();
        eprintln!("stage 2");
        let bytes2 = train_stage(&train2, &dev2, &Gazetteer::default(), &opts, Some(&bytes1))?;
        bytes.extend_from_slice(&bytes2);
    }
    if !dev.is_empty() {
        let m = Model::from_bytes(&bytes)?;
        print!("{}", evaluate(&m, &dev).report());
    }
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "wrote {out} ({} bytes) in {:.1}s",
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
