// Vite's client types: stylesheet and asset imports, import.meta.env.
/// <reference types="vite/client" />
