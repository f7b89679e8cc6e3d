//! Texts shown by code outside the Leptos app: the recovery screen the panic hook draws with
//! bare DOM calls, and the service worker's update banner, which is plain JavaScript so it
//! works even when the wasm does not start.

use super::{Locale, Message};

/// The recovery screen after a panic (`browser::panic`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecoveryMsg {
    Title,
    Explain,
    Download,
    Reload,
}

impl RecoveryMsg {
    /// Every message of the table, for the tests that render them all.
    pub const ALL: [RecoveryMsg; 4] = [
        RecoveryMsg::Title,
        RecoveryMsg::Explain,
        RecoveryMsg::Download,
        RecoveryMsg::Reload,
    ];
}

impl Message for RecoveryMsg {
    fn text(self, locale: Locale) -> &'static str {
        use Locale::*;
        use RecoveryMsg::*;
        match (self, locale) {
            (Title, ZhHans) => "出错了",
            (Title, ZhHant) => "出錯了",
            (Title, English) => "Something went wrong",
            (Explain, ZhHans) => "应用遇到意外错误，已停止运行。你保存在本机的进度没有丢失。可以先下载一份备份，再重新载入。",
            (Explain, ZhHant) => "應用遇到意外錯誤，已停止運行。你儲存在本機的進度沒有遺失。可以先下載一份備份，再重新載入。",
            (Explain, English) => "The app hit an unexpected error and stopped. Your progress saved on this device is not lost. You can download a copy of it, then reload.",
            (Download, ZhHans) => "下载已保存的进度",
            (Download, ZhHant) => "下載已儲存的進度",
            (Download, English) => "Download saved progress",
            (Reload, ZhHans) => "重新载入",
            (Reload, ZhHant) => "重新載入",
            (Reload, English) => "Reload",
        }
    }
}

/// The banner `scripts/sw-register.js` shows when a new version has been installed. The
/// script keeps a copy of these texts, since it must work without the wasm; `tests/shell.rs`
/// checks that copy against this table, so the two cannot drift apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UpdateMsg {
    Ready,
    Reload,
}

impl UpdateMsg {
    /// Every message of the table, for the tests that render them all.
    pub const ALL: [UpdateMsg; 2] = [UpdateMsg::Ready, UpdateMsg::Reload];
}

impl Message for UpdateMsg {
    fn text(self, locale: Locale) -> &'static str {
        use Locale::*;
        use UpdateMsg::*;
        match (self, locale) {
            (Ready, ZhHans) => "新版本已就绪。",
            (Ready, ZhHant) => "新版本已就緒。",
            (Ready, English) => "A new version is ready.",
            (Reload, ZhHans) => "重新载入",
            (Reload, ZhHant) => "重新載入",
            (Reload, English) => "Reload",
        }
    }
}
