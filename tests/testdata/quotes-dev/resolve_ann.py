#!/usr/bin/env python3
"""Resolve the compact annotation file (en.ann) into the gold TSV (en.tsv).

    python3 resolve_ann.py en.txt en.ann en.tsv [DOC_ID|all]   # last arg: print a review listing
    python3 resolve_ann.py --hash ES_TXT ES_ANN es.tsv [all]   # Spanish: text columns hold sha1:<10 hex>
                                                              # of the span instead of the text

Offsets are code points into each document's text as defined in README.md.
Annotation file format:
@<doc_id>
S | <quote prefix>[ ... <quote suffix>][ #n]
Q | <quote prefix>[ ... suffix][ #n] | <speaker>[ @n|@<|@>] | <via> | <role>[ @n]
N | <quote prefix> ...            (direct quote, no identifiable speaker: via none)
"""
import hashlib,json,sys,re
sys.dont_write_bytecode = True
from split_docs import read_docs
HASH='--hash' in sys.argv
if HASH: sys.argv.remove('--hash')
OPEN='"“‘\'«‹„`'
CLOSE_FOR={'"':'"”“','“':'”"','‘':'’\'','\'':'\'’','«':'»','‹':'›','„':'“”"','`':'"”\''}
def find_all(t,s):
    out=[];i=t.find(s)
    while i>=0: out.append(i); i=t.find(s,i+1)
    return out
def quote_span(t,pre,suf,occ):
    cands=[i for i in find_all(t,pre)]
    # must be preceded by an opening mark (allow spaces between)
    good=[]
    for i in cands:
        j=i-1
        while j>=0 and t[j]==' ': j-=1
        if j>=0 and t[j] in OPEN: good.append((i,t[j]))
    if not good: raise ValueError(f'quote start not found after a mark: {pre!r}')
    if occ is None and len(good)>1: raise ValueError(f'ambiguous quote start {pre!r}: {len(good)}')
    s,mark=good[(occ or 1)-1]
    if suf is not None:
        k=t.find(suf,s)
        if k<0: raise ValueError(f'suffix {suf!r} not found')
        e=k+len(suf)
    else:
        e=None; k=s
        closers=CLOSE_FOR[mark]
        while k<len(t):
            if t.startswith('\n\n',k):
                nxt=t[k+2:k+3]
                if nxt and nxt in OPEN: e=k;break
            if t[k] in closers:
                if mark in "'‘" and k+1<len(t) and t[k+1].isalpha(): k+=1; continue
                e=k;break
            k+=1
        if e is None: raise ValueError(f'no closing mark for {pre!r}')
    # trim
    while e>s and (t[e-1].isspace() or t[e-1]==','): e-=1
    while s<e and t[s].isspace(): s+=1
    return s,e
def main(docs_json, ann, out_tsv):
    # docs_json: the .txt file of documents
    docs=read_docs(docs_json); dd=dict(docs); order=[d for d,_ in docs]
    rows=[]; cur=None; errors=0
    # pass 1: all quote spans per doc, so that speaker mentions inside any quote are skipped
    allq={}; c2=None
    for line in open(ann):
        line=line.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'): continue
        if line.startswith('@'): c2=line[1:].strip(); continue
        parts=[p.strip() for p in line.split(' | ')]
        qsel=parts[1]; occ=None
        m=re.match(r'(.*) #(\d+)$',qsel)
        if m: qsel,occ=m.group(1),int(m.group(2))
        pre,suf=(qsel.split(' ... ',1) if ' ... ' in qsel else (qsel,None))
        try: allq.setdefault(c2,[]).append(quote_span(dd[c2],pre,suf,occ))
        except Exception: pass
    for ln,line in enumerate(open(ann),1):
        line=line.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'): continue
        if line.startswith('@'):
            cur=line[1:].strip(); assert cur in dd, cur; continue
        parts=[p.strip() for p in line.split(' | ')]
        kind=parts[0]; t=dd[cur]
        try:
            qsel=parts[1]; occ=None
            m=re.match(r'(.*) #(\d+)$',qsel)
            if m: qsel,occ=m.group(1),int(m.group(2))
            if ' ... ' in qsel: pre,suf=qsel.split(' ... ',1)
            else: pre,suf=qsel,None
            qs,qe=quote_span(t,pre,suf,occ)
            row=dict(doc=cur,qs=qs,qe=qe,scare=0,ss=-1,se=-1,via='-',rs=-1,re=-1,line=ln)
            if kind=='S': row['scare']=1
            elif kind=='N': row['via']='none'
            elif kind=='Q':
                sp,via=parts[2],parts[3]; role=parts[4] if len(parts)>4 else ''
                assert via in ('name','pronoun','continuation','role'),via
                loc=None
                m=re.match(r'(.*) @(\d+|<|>)$',sp)
                if m: sp,loc=m.group(1),m.group(2)
                occs=find_all(t,sp)
                # exclude occurrences inside any quote? only inside this quote
                occs=[o for o in occs if not any(a<=o<b or a<o+len(sp)<=b for a,b in allq.get(cur,[]))]
                # word boundary
                occs=[o for o in occs if (o==0 or not t[o-1].isalnum()) and (o+len(sp)>=len(t) or not t[o+len(sp)].isalnum())]
                if not occs and not (loc and loc.isdigit()): raise ValueError(f'speaker {sp!r} not found')
                if loc and loc.isdigit(): o=find_all(t,sp)[int(loc)-1]
                elif loc=='<' or (loc is None and via in('pronoun','continuation')) or (loc is None and via=='role' and role):
                    b=[o for o in occs if o<qs]
                    if not b: raise ValueError(f'speaker {sp!r} not before quote')
                    o=b[-1]
                elif loc=='>':
                    o=[o for o in occs if o>=qe][0]
                else:
                    o=min(occs,key=lambda o: min(abs(o-qe),abs(o+len(sp)-qs)))
                row.update(ss=o,se=o+len(sp),via=via)
                if role:
                    rl=None
                    m=re.match(r'(.*) @(\d+)$',role)
                    if m: role,rl=m.group(1),int(m.group(2))
                    ro=find_all(t,role)
                    if not ro: raise ValueError(f'role {role!r} not found')
                    if rl: r=ro[rl-1]
                    elif via=='role':
                        # local description: nearest to quote
                        r=min(ro,key=lambda r: min(abs(r-qe),abs(r+len(role)-qs)))
                    else:
                        r=min(ro,key=lambda r: min(abs(r-row['se']),abs(r+len(role)-row['ss'])))
                    row.update(rs=r,re=r+len(role))
            else: raise ValueError('kind '+kind)
            rows.append(row)
        except Exception as ex:
            errors+=1; print(f'ERROR line {ln}: {ex}  <<{line}>>',file=sys.stderr)
    # sort rows by doc order then quote start
    rows.sort(key=lambda r:(order.index(r['doc']),r['qs'],-r['qe']))
    # duplicate check
    seen=set()
    for r in rows:
        k=(r['doc'],r['qs'],r['qe'])
        if k in seen: print('DUP',k,file=sys.stderr); errors+=1
        seen.add(k)
    with open(out_tsv,'w',encoding='utf-8',newline='\n') as f:
        f.write('doc_id\tquote_start\tquote_end\tscare\tspeaker_start\tspeaker_end\tvia\trole_start\trole_end\tquote_text\tspeaker_text\trole_text\n')
        for r in rows:
            t=dd[r['doc']]
            esc=lambda s: s.replace('\\','\\\\').replace('\t','\\t').replace('\n','\\n')
            if HASH: esc=lambda s: 'sha1:'+hashlib.sha1(s.encode('utf-8')).hexdigest()[:10]
            qt=esc(t[r['qs']:r['qe']]); st=esc(t[r['ss']:r['se']]) if r['ss']>=0 else ''; rt=esc(t[r['rs']:r['re']]) if r['rs']>=0 else ''
            f.write(f"{r['doc']}\t{r['qs']}\t{r['qe']}\t{r['scare']}\t{r['ss']}\t{r['se']}\t{r['via']}\t{r['rs']}\t{r['re']}\t{qt}\t{st}\t{rt}\n")
    print(f'{len(rows)} rows, {errors} errors',file=sys.stderr)
    return rows,dd
if __name__=='__main__':
    rows,dd=main(*sys.argv[1:4])
    if len(sys.argv)>4:
        # review print
        for r in rows:
            if sys.argv[4]!='all' and r['doc']!=sys.argv[4]: continue
            t=dd[r['doc']]
            q=t[r['qs']:r['qe']]
            ctx=t[max(0,r['qs']-1):r['qs']]+'['+(q if len(q)<90 else q[:40]+' … '+q[-40:])+']'+t[r['qe']:r['qe']+1]
            sp=t[r['ss']:r['se']] if r['ss']>=0 else '-'
            sctx=t[max(0,r['ss']-25):r['ss']]+'{'+sp+'}'+t[r['se']:r['se']+25] if r['ss']>=0 else ''
            rl=t[r['rs']:r['re']] if r['rs']>=0 else ''
            print(f"{r['line']:4} {'S' if r['scare'] else r['via']:12} {ctx!r}\n      SPK {sctx!r} ROLE {rl!r} dist={r['ss']-r['qs'] if r['ss']>=0 else ''}")
