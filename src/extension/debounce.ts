// One call after a burst: a build sends several model-changed notifications, a theme
// change one more; the panel asks the server once, 150 ms after the last.
export interface Debounced {
    schedule(): void;
    dispose(): void;
}

export function debounce(run: () => void, ms = 150): Debounced {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return {
        schedule() {
            clearTimeout(timer);
            timer = setTimeout(run, ms);
        },
        dispose: () => clearTimeout(timer),
    };
}
