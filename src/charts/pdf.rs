//! A small PDF writer for the digest: A4 pages with text in DejaVu Sans (embedded as a TrueType
//! font with the WinAnsi encoding, which covers French and English) and PNG charts.

use super::{Chart, FONT};
use crate::domain::{AppError, AppResult};
use ab_glyph::{Font, FontRef};
use pdf_writer::types::FontFlags;
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use std::io::Write;

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;

/// The byte of a character in WinAnsiEncoding (`?` when it has none).
fn win_ansi(c: char) -> u8 {
    const EXTRA: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    match c as u32 {
        0x20..=0x7E | 0xA0..=0xFF => c as u8,
        0x202F | 0x2009 => 0xA0,
        _ => EXTRA.iter().find(|(ch, _)| *ch == c).map_or(b'?', |(_, b)| *b),
    }
}

/// The character of a WinAnsi byte (for the widths table).
fn char_of(byte: u8) -> Option<char> {
    match byte {
        0x20..=0x7E | 0xA0..=0xFF => Some(byte as char),
        _ => ('\u{2000}'..='\u{2122}').chain('\u{0152}'..='\u{02DC}').find(|c| win_ansi(*c) == byte),
    }
}

/// One positioned drawing operation, y measured from the top of the page.
enum Op {
    Text { x: f32, y: f32, size: f32, grey: bool, text: Vec<u8> },
    Image { index: usize, x: f32, y: f32, width: f32, height: f32 },
    Rule { x: f32, y: f32, width: f32 },
}

/// A document being laid out page by page.
pub struct Document {
    widths: Vec<f32>,
    pages: Vec<Vec<Op>>,
    images: Vec<(u32, u32, Vec<u8>)>,
}

impl Document {
    pub fn new() -> AppResult<Self> {
        let font = FontRef::try_from_slice(FONT).map_err(AppError::internal)?;
        let per_em = font.units_per_em().unwrap_or(2048.0);
        let widths = (32u8..=255)
            .map(|b| char_of(b).map_or(0.0, |c| font.h_advance_unscaled(font.glyph_id(c)) * 1000.0 / per_em))
            .collect();
        Ok(Self { widths, pages: vec![], images: vec![] })
    }

    pub fn new_page(&mut self) {
        self.pages.push(vec![]);
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(vec![]);
        }
        self.pages.last_mut().expect("a page")
    }

    /// The width of a text in points at `size`.
    pub fn width_of(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.widths.get(win_ansi(c).saturating_sub(32) as usize).copied().unwrap_or(0.0))
            .sum::<f32>()
            * size
            / 1000.0
    }

    /// One line of text whose baseline is at `y` from the top.
    pub fn text(&mut self, text: &str, x: f32, y: f32, size: f32, grey: bool) {
        let bytes = text.chars().map(win_ansi).collect();
        self.ops().push(Op::Text { x, y, size, grey, text: bytes });
    }

    /// Text wrapped at word boundaries to `width`; returns the y after the last line.
    pub fn paragraph(&mut self, text: &str, x: f32, mut y: f32, width: f32, size: f32, grey: bool) -> f32 {
        let leading = size * 1.3;
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if self.width_of(&candidate, size) > width && !line.is_empty() {
                self.text(&line, x, y + size, size, grey);
                y += leading;
                line = word.to_string();
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            self.text(&line, x, y + size, size, grey);
            y += leading;
        }
        y
    }

    /// A thin horizontal line.
    pub fn rule(&mut self, x: f32, y: f32, width: f32) {
        self.ops().push(Op::Rule { x, y, width });
    }

    /// A chart scaled to `width` points with its top at `y`; returns the y below it.
    pub fn chart(&mut self, chart: &Chart, x: f32, y: f32, width: f32) -> AppResult<f32> {
        let decoder = png::Decoder::new(std::io::Cursor::new(&chart.png));
        let mut reader = decoder.read_info().map_err(AppError::internal)?;
        let mut rgb = vec![0; reader.output_buffer_size().unwrap_or(0)];
        let info = reader.next_frame(&mut rgb).map_err(AppError::internal)?;
        rgb.truncate(info.buffer_size());
        let height = width * info.height as f32 / info.width as f32;
        self.images.push((info.width, info.height, rgb));
        let index = self.images.len() - 1;
        self.ops().push(Op::Image { index, x, y, width, height });
        Ok(y + height)
    }

    /// The PDF file.
    pub fn finish(self) -> AppResult<Vec<u8>> {
        let deflate = |data: &[u8]| -> AppResult<Vec<u8>> {
            let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
            e.write_all(data).map_err(AppError::internal)?;
            e.finish().map_err(AppError::internal)
        };
        let mut next = 1;
        let mut alloc = || {
            let r = Ref::new(next);
            next += 1;
            r
        };
        let (catalog, tree, font, descriptor, file) = (alloc(), alloc(), alloc(), alloc(), alloc());
        let image_ids: Vec<Ref> = self.images.iter().map(|_| alloc()).collect();
        let page_ids: Vec<(Ref, Ref)> = self.pages.iter().map(|_| (alloc(), alloc())).collect();
        let mut pdf = Pdf::new();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree).kids(page_ids.iter().map(|(p, _)| *p)).count(page_ids.len() as i32);

        let ttf = deflate(FONT)?;
        pdf.stream(file, &ttf).filter(Filter::FlateDecode).pair(Name(b"Length1"), FONT.len() as i32);
        pdf.font_descriptor(descriptor)
            .name(Name(b"DejaVuSans"))
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(-1021.0, -463.0, 1793.0, 1232.0))
            .italic_angle(0.0)
            .ascent(928.0)
            .descent(-236.0)
            .cap_height(729.0)
            .stem_v(80.0)
            .font_file2(file);
        let mut dict = pdf.indirect(font).dict();
        dict.pair(Name(b"Type"), Name(b"Font"));
        dict.pair(Name(b"Subtype"), Name(b"TrueType"));
        dict.pair(Name(b"BaseFont"), Name(b"DejaVuSans"));
        dict.pair(Name(b"Encoding"), Name(b"WinAnsiEncoding"));
        dict.pair(Name(b"FirstChar"), 32);
        dict.pair(Name(b"LastChar"), 255);
        dict.insert(Name(b"Widths")).array().items(self.widths.iter().copied());
        dict.pair(Name(b"FontDescriptor"), descriptor);
        dict.finish();

        for ((w, h, rgb), id) in self.images.iter().zip(&image_ids) {
            let data = deflate(rgb)?;
            let mut image = pdf.image_xobject(*id, &data);
            image.width(*w as i32).height(*h as i32).bits_per_component(8);
            image.color_space().device_rgb();
            image.filter(Filter::FlateDecode);
        }

        for (ops, (page_id, content_id)) in self.pages.iter().zip(&page_ids) {
            let mut c = Content::new();
            for op in ops {
                match op {
                    Op::Text { x, y, size, grey, text } => {
                        let shade = if *grey { 0.35 } else { 0.0 };
                        c.set_fill_rgb(shade, shade, shade);
                        c.begin_text()
                            .set_font(Name(b"F1"), *size)
                            .next_line(*x, PAGE_HEIGHT - y)
                            .show(Str(text))
                            .end_text();
                    }
                    Op::Image { index, x, y, width, height } => {
                        c.save_state()
                            .transform([*width, 0.0, 0.0, *height, *x, PAGE_HEIGHT - y - height])
                            .x_object(Name(format!("Im{index}").as_bytes()))
                            .restore_state();
                    }
                    Op::Rule { x, y, width } => {
                        c.set_stroke_rgb(0.6, 0.6, 0.6).set_line_width(0.5);
                        c.move_to(*x, PAGE_HEIGHT - y).line_to(x + width, PAGE_HEIGHT - y).stroke();
                    }
                }
            }
            let content = deflate(&c.finish())?;
            pdf.stream(*content_id, &content).filter(Filter::FlateDecode);
            let mut page = pdf.page(*page_id);
            page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT)).parent(tree).contents(*content_id);
            let mut resources = page.resources();
            resources.fonts().pair(Name(b"F1"), font);
            let mut xobjects = resources.x_objects();
            for (i, id) in image_ids.iter().enumerate() {
                xobjects.pair(Name(format!("Im{i}").as_bytes()), *id);
            }
            xobjects.finish();
            resources.finish();
            page.finish();
        }
        Ok(pdf.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_text_is_encoded_in_win_ansi() {
        let bytes: Vec<u8> = "é—œ€×\u{202f}ŋ".chars().map(win_ansi).collect();
        assert_eq!(bytes, [0xE9, 0x97, 0x9C, 0x80, 0xD7, 0xA0, b'?']);
        assert_eq!(char_of(0x97), Some('—'));
        let doc = Document::new().unwrap();
        assert!(doc.width_of("Mopti", 10.0) > doc.width_of("Gao", 10.0));
        assert!(doc.width_of("é", 10.0) > 0.0);
    }
}
