import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/language/detect.js';
import { splitSentences, countWords } from '../src/language/sentences.js';
import { builtins } from './helpers/builtins.js';

const detect = (t: string) => detectLanguage(t, builtins.languages.values());

describe('language detection', () => {
  it.each([
    ['en', 'Thanks for your message. We sent the parcel today.'],
    ['es', 'Gracias por su mensaje. Hemos enviado el paquete hoy.'],
    ['ca', 'Gràcies pel seu missatge. Hem enviat el paquet avui.'],
    ['es', 'Hola Marta, ya está solucionado.'],
    ['ca', 'Hola Marta, ja està solucionat.'],
    ['es', 'Le escribimos por la factura de marzo.'],
    ['ca', 'Li escrivim per la factura de març.'],
    ['es', 'Su pedido llegará el lunes.'],
    ['ca', 'La seva comanda arribarà dilluns.'],
    ['en', 'Your order ships on Monday.'],
  ])('tells %s in "%s"', (lang, text) => expect(detect(text)).toBe(lang));
  it('gives up on text with no evidence', () => expect(detect('12345 ...')).toBeNull());
});

describe('sentences', () => {
  const split = (text: string, lang = 'en') => {
    const abbr = builtins.languages.get(lang)!.abbreviations;
    return splitSentences(text, { start: 0, end: text.length }, abbr).map((s) => text.slice(s.start, s.end));
  };
  it('knows abbreviations, decimals, initials and ellipses', () => {
    expect(split('We use e.g. cards. It costs 3.5 EUR. Ask J. Smith... He knows!')).toEqual(['We use e.g. cards.', 'It costs 3.5 EUR.', 'Ask J. Smith...', 'He knows!']);
    expect(split('Hable con la Sra. Ruiz, p. ej. mañana. Gracias.', 'es')).toEqual(['Hable con la Sra. Ruiz, p. ej. mañana.', 'Gracias.']);
    expect(split('Vegeu el núm. 5 del contracte. Gràcies.', 'ca')).toEqual(['Vegeu el núm. 5 del contracte.', 'Gràcies.']);
  });
  it('ends a sentence at a short line without punctuation (a signature)', () => {
    expect(split('Kind regards\nAna Ruiz\nSupport team')).toEqual(['Kind regards', 'Ana Ruiz', 'Support team']);
  });
  it('counts words as a reader does', () => {
    expect(countWords("L'empresa d'atenció al client és aquí")).toBe(6);
    expect(countWords('Send the e-mail by 3.5 pm')).toBe(6);
  });
});
