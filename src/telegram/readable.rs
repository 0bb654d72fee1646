//! The update listener as the dispatcher sees it: an update Telegram sent that teloxide could
//! not read is counted and dropped here, with its id only. Passed on, teloxide would log it
//! whole — the message text and the sender's name included.

use crate::services::Ctx;
use futures::StreamExt;
use futures::stream::BoxStream;
use teloxide::stop::StopToken;
use teloxide::types::{AllowedUpdate, Update, UpdateKind};
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};

pub struct Readable<L> {
    inner: L,
    ctx: Ctx,
}

impl<L> Readable<L> {
    pub fn new(inner: L, ctx: Ctx) -> Self {
        Self { inner, ctx }
    }
}

impl<'a, L> AsUpdateStream<'a> for Readable<L>
where
    L: AsUpdateStream<'a>,
    L::StreamErr: Send + 'a,
{
    type StreamErr = L::StreamErr;
    type Stream = BoxStream<'a, Result<Update, L::StreamErr>>;

    fn as_stream(&'a mut self) -> Self::Stream {
        let ctx = self.ctx.clone();
        let dispatcher_panics = super::shared::fault::injected() == Some(super::shared::fault::Fault::DispatcherPanic);
        self.inner
            .as_stream()
            .filter_map(move |item| {
                if dispatcher_panics {
                    panic!("injected fault: the dispatcher panics");
                }
                let kept = match item {
                    Ok(update) if matches!(update.kind, UpdateKind::Error(_)) => {
                        ctx.telemetry.count(crate::observability::metrics::names::UNREADABLE_UPDATES, &[], 1);
                        tracing::warn!(update_id = update.id.0, "an update Telegram sent could not be read; dropped");
                        None
                    }
                    other => Some(other),
                };
                std::future::ready(kept)
            })
            .boxed()
    }
}

impl<L> UpdateListener for Readable<L>
where
    L: UpdateListener,
    L::Err: Send + 'static,
    for<'a> L: AsUpdateStream<'a, StreamErr = <L as UpdateListener>::Err>,
{
    type Err = L::Err;

    fn stop_token(&mut self) -> StopToken {
        self.inner.stop_token()
    }

    fn hint_allowed_updates(&mut self, hint: &mut dyn Iterator<Item = AllowedUpdate>) {
        self.inner.hint_allowed_updates(hint);
    }
}
