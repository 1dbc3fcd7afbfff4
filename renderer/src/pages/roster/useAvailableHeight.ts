// The height left below an element down to the window's bottom edge: a virtual table needs a
// number for scroll.y, and the page must fill the window at any size.
import { useEffect, useState, type RefObject } from 'react';

export function useAvailableHeight(ref: RefObject<HTMLElement | null>, bottomGap = 24): number {
  const [height, setHeight] = useState(480);
  useEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (el) setHeight(Math.floor(window.innerHeight - el.getBoundingClientRect().top - bottomGap));
    };
    measure();
    window.addEventListener('resize', measure);
    const ro = typeof ResizeObserver !== 'undefined' && ref.current?.parentElement ? new ResizeObserver(measure) : null;
    if (ro && ref.current?.parentElement) ro.observe(ref.current.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      ro?.disconnect();
    };
  }, [ref, bottomGap]);
  return height;
}
