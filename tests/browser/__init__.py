"""End-to-end tests in a headless browser (system Chromium, driven by Playwright)."""
