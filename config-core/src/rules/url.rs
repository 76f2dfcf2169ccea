//! `url`: a link that is neither a `/relative/path` nor an `http(s)://` URL with a plain
//! authority (no userinfo; a DNS name, dotted IPv4 or bracketed IPv6 host; a port 1-65535;
//! at most 2,048 characters; no invisible character), or that breaks the field's options:
//! `url(https)`, `url(relative)`, `url(hosts("cdn.example", "*.example"))`. `crate::url`
//! parses, the summary records, the checker reports. (`what` below is the text the
//! linter's `explain` and SARIF output print, pinned by their snapshots.)

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Url,
    name: "url",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "A `#[config(url)]` string must be a path starting with one `/`, or an absolute \
           `http://` / `https://` URL with a host. `javascript:`, `data:`, `//host`, backslashes, \
           whitespace and control characters are refused.",
    why: "Links from config end up in `href` attributes: a `javascript:` link is script injection \
          through the CMS.",
    example: Some(Example {
        schema: "#[config(url)]\nurl: Option<String>,",
        bad: "[[menu]]\ntitle = \"Sale\"\nurl = \"javascript:alert(document.cookie)\"\n",
        good: "[[menu]]\ntitle = \"Sale\"\nurl = \"/sale\"\n",
    }),
};
