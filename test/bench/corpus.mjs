// Deterministic generator of the benchmark corpus: realistic customer-support drafts in
// English, Spanish and Catalan, Markdown and plain text, with and without the problems replylint
// looks for. Everything comes from a seeded PRNG (mulberry32), so the same seed and
// GENERATOR_VERSION always give byte-identical files. Bump GENERATOR_VERSION whenever the output
// changes: the benchmark regenerates the corpus only when its version directory is missing.

import { mkdirSync, writeFileSync, rmSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20250303;

/** mulberry32: tiny, fast, good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    weighted: (pairs) => {
      // pairs: [[value, weight], ...]
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [v, w] of pairs) if ((x -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
    /** Draws without replacement from arr (reshuffled when used up): no sentence repeats early. */
    drawer: (arr) => {
      let pool = [];
      return () => {
        if (pool.length === 0) pool = r.shuffle(arr);
        return pool.pop();
      };
    },
    shuffle: (arr) => {
      const a = arr.slice();
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
  return r;
}

// ---------------------------------------------------------------------------------------------
// Phrase banks. `{name}`, `{surname}`, `{order}`, `{amount}`, `{day}`, `{time}`, `{date}`,
// `{product}`, `{agent}`, `{company}`, `{domain}`, `{path}` are filled per draft.
// `problems` are sentences that carry a phrase replylint flags; `clean` ones should not.

export const BANKS = {
  en: {
    firstNames: ['Ana', 'Sam', 'Priya', 'Tom', 'Leo', 'Grace', 'Omar', 'Hannah', 'Mei', 'Daniel', 'Fatima', 'Jonas', 'Chloe', 'Ravi', 'Emma', 'Lucas'],
    surnames: ['Lee', 'Nair', 'Walsh', 'Okafor', 'Brown', 'Kowalski', 'Schmidt', 'Patel', 'Murphy', 'Chen', 'Garcia', 'Novak'],
    titles: ['Ms', 'Mr', 'Dr', 'Mx'],
    greetings: ['Hi {name},', 'Hello {name},', 'Dear {title} {surname},', 'Good morning {name},', 'Hi {name}, thanks for writing in.'],
    impersonalGreetings: ['Dear customer,', 'Dear Sir/Madam,', 'Dear valued customer,', 'Dear user,'],
    placeholderGreetings: ['Hi [Customer Name],', 'Dear [Customer Name],', 'Hello {{customer.first_name}},'],
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
    times: ['9 am', '11 am', '1 pm', '3 pm', '5 pm', '6 pm'],
    products: ['wireless headphones', 'standing desk', 'coffee grinder', 'winter jacket', 'running shoes', 'annual plan', 'phone case', 'gift card'],
    clean: [
      'Thank you for your patience while we looked into order {order}.',
      'I have checked the tracking details and the parcel left our warehouse on {day}.',
      'The refund of {amount} was issued today and should reach your card within five working days.',
      'I have reset the password link, so the new one will work for the next 24 hours.',
      'The courier has confirmed a new delivery window on {day} between {time} and 6 pm.',
      'I have added a note to your account so that the next invoice shows the corrected address.',
      'The replacement {product} is already packed and will ship on {day}.',
      'You do not need to send the item back; keep it or donate it if you prefer.',
      'I understand how frustrating it is to wait for a delivery that keeps moving.',
      'The charge you saw twice was a pre-authorisation, and the second one has been released.',
      'We have extended your trial until {date} so that you can finish the export.',
      'I will call you on {day} at {time} to walk through the settings together.',
      'This is not your fault: the payment page timed out before the order was saved.',
      'The new invoice is attached, with the VAT number you gave us.',
      'Your subscription stays active, and nothing changes on your side.',
      'I have booked the technician for {day} morning; they will text you an hour before.',
      'We will reply by {day} {time} with the final figure for the repair.',
      'The discount code WELCOME10 now works on the {product} as well.',
    ],
    problems: [
      'We have fixed your problem and the account is active again.',
      'Sorry about your issue with the {product}.',
      'We will get back to you as soon as possible.',
      'You will receive an update soon.',
      'I cannot refund the delivery fee. It is company policy.',
      'Unfortunately we cannot change the order once it has shipped.',
      'You made a mistake when you typed the postcode.',
      'As I already explained, the warranty does not cover accidental damage.',
      'It is very easy: simply log in and click the button.',
      'Please check our FAQ for more information.',
      'Our system is down, so I cannot see your order right now.',
      'We have escalated your case to the technical team.',
      'We apologize for any inconvenience this may have caused.',
      'Please do not hesitate to contact us if you have any questions.',
      'It is your fault that the parcel was returned to us.',
      'We are short-staffed this week due to the high volume of tickets.',
      'Your call is important to us.',
      'Someone will contact you shortly.',
    ],
    customerQuotes: [
      'My order {order} still has not arrived and nobody answers my e-mails.',
      'I was charged twice for the same {product}. Please fix this.',
      'The app logs me out every time I open it.',
      'I want to cancel my subscription, this is my problem now?',
      'Where is my refund? It has been two weeks.',
      'The {product} arrived broken. It is your fault, not mine.',
    ],
    quoteIntros: ['On {day}, {name} {surname} wrote:', 'On Mon, 3 Mar 2025, {name} {surname} <{name}@mailbox.example> wrote:'],
    headings: ['What happens next', 'Your refund', 'Delivery details', 'Steps to try', 'Summary', 'Your order {order}'],
    listItems: [
      'Open **Settings** and choose *Account*.',
      'Check that the card ending in `4242` is still valid.',
      'Your order number is `{order}`.',
      'Delivery window: {day}, {time} to 6 pm.',
      'Refund amount: **{amount}**.',
      'See the [returns page](https://{domain}/help/{path}) for the label.',
      'Keep the original box if you still have it.',
      'Restart the app after the update.',
    ],
    linkTexts: ['the tracking page', 'your order history', 'this guide', 'the returns form'],
    signOffs: ['Best regards,', 'Kind regards,', 'Thanks,', 'All the best,', 'Best,'],
    teams: ['Support team at {company}', 'Customer care, {company}', '{company} Help Centre'],
    contacts: ['If anything else comes up, write to support@{domain} and I will pick it up.', 'You can reply to this e-mail or write to help@{domain} at any time.', 'Questions? Write to me directly at {agentLower}@{domain}.'],
    noContact: ['Have a great day.', 'Thanks again for your patience.', 'Speak soon.'],
    companies: ['Shopwise', 'Parcelo', 'BrightBank', 'Streamly', 'Homefit'],
    topics: ['refund', 'delivery', 'password', 'invoice', 'subscription', 'warranty', 'exchange'],
  },
  es: {
    firstNames: ['Ana', 'Lucía', 'Javier', 'Nuria', 'Carlos', 'Marta', 'Diego', 'Sofía', 'Pablo', 'Elena', 'Andrés', 'Carmen', 'Raúl', 'Irene'],
    surnames: ['Ortega', 'García', 'López', 'Sala', 'Martínez', 'Ruiz', 'Navarro', 'Iglesias', 'Romero', 'Castro', 'Núñez'],
    titles: ['Sra.', 'Sr.'],
    greetings: ['Hola, {name}:', 'Buenos días, {name}:', 'Estimada {title} {surname}:', 'Hola {name},', 'Buenas tardes, {name}:'],
    impersonalGreetings: ['Estimado cliente:', 'Estimado/a cliente:', 'Muy señor mío:', 'Estimado usuario:'],
    placeholderGreetings: ['Hola, [Nombre del cliente]:', 'Estimado [Nombre del cliente]:', 'Hola, {{cliente.nombre}}:'],
    days: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes'],
    times: ['las 9:00', 'las 11:00', 'las 13:00', 'las 16:00', 'las 17:00', 'las 18:00'],
    products: ['auriculares inalámbricos', 'mesa elevable', 'molinillo de café', 'chaqueta de invierno', 'zapatillas de correr', 'plan anual', 'funda del móvil', 'tarjeta regalo'],
    clean: [
      'Gracias por su paciencia mientras revisábamos el pedido {order}.',
      'He comprobado el seguimiento y el paquete salió de nuestro almacén el {day}.',
      'Hoy hemos emitido el reembolso de {amount}, que llegará a su tarjeta en cinco días hábiles.',
      'Le he enviado un enlace nuevo para cambiar la contraseña; funciona durante 24 horas.',
      'La empresa de mensajería ha confirmado la entrega el {day} entre {time} y las 18:00.',
      'He añadido una nota a su cuenta para que la próxima factura salga con la dirección correcta.',
      'El cambio de {product} ya está preparado y saldrá el {day}.',
      'No hace falta que nos devuelva el artículo; puede quedárselo.',
      'Entiendo lo molesto que es esperar una entrega que se retrasa.',
      'El cargo duplicado era una preautorización y ya se ha liberado.',
      'Hemos ampliado su periodo de prueba hasta el {date} para que pueda terminar la exportación.',
      'Le llamaré el {day} a {time} para revisar juntos la configuración.',
      'No es culpa suya: la página de pago caducó antes de guardar el pedido.',
      'Le adjunto la factura nueva con el NIF que nos indicó.',
      'Su suscripción sigue activa y no tiene que hacer nada más.',
      'Le responderemos el {day} antes de {time} con el importe final de la reparación.',
      'El código de descuento BIENVENIDA10 ya funciona también con {product}.',
    ],
    problems: [
      'Hemos solucionado su problema y la cuenta vuelve a estar activa.',
      'Sentimos su problema con {product}.',
      'Le responderemos lo antes posible.',
      'Recibirá una respuesta en breve.',
      'No podemos devolver los gastos de envío. Es la política de la empresa.',
      'Lamentablemente, no podemos modificar el pedido una vez enviado.',
      'Usted ha cometido un error al escribir el código postal.',
      'Como ya le expliqué, la garantía no cubre los golpes.',
      'Es muy fácil: simplemente inicie sesión y pulse el botón.',
      'Consulte nuestras preguntas frecuentes para más información.',
      'El sistema está caído y no puedo ver su pedido ahora mismo.',
      'Hemos escalado su caso al equipo técnico.',
      'Sentimos las molestias que esto le haya podido ocasionar.',
      'No dude en contactarnos si tiene cualquier duda.',
      'Usted se equivoca: el paquete se entregó correctamente.',
      'Vamos con retraso por falta de personal.',
      'Alguien se pondrá en contacto con usted.',
    ],
    customerQuotes: [
      'Mi pedido {order} todavía no ha llegado y nadie me contesta.',
      'Me han cobrado dos veces {product}. Arréglenlo, por favor.',
      'La aplicación me cierra la sesión cada vez que la abro.',
      'Quiero darme de baja, ¿ahora es mi problema?',
      '¿Dónde está mi reembolso? Han pasado dos semanas.',
      'El paquete llegó roto. Es culpa suya, no mía.',
    ],
    quoteIntros: ['El {day}, {name} {surname} escribió:', 'El lun, 3 mar 2025, {name} {surname} <{nameLower}@correo.example> escribió:'],
    headings: ['Próximos pasos', 'Su reembolso', 'Datos de la entrega', 'Qué puede probar', 'Resumen', 'Su pedido {order}'],
    listItems: [
      'Abra **Ajustes** y elija *Cuenta*.',
      'Compruebe que la tarjeta acabada en `4242` sigue vigente.',
      'Su número de pedido es `{order}`.',
      'Entrega: el {day}, de {time} a las 18:00.',
      'Importe del reembolso: **{amount}**.',
      'La etiqueta está en la [página de devoluciones](https://{domain}/ayuda/{path}).',
      'Guarde la caja original si todavía la tiene.',
      'Reinicie la aplicación después de actualizarla.',
    ],
    linkTexts: ['la página de seguimiento', 'su historial de pedidos', 'esta guía', 'el formulario de devolución'],
    signOffs: ['Un saludo,', 'Atentamente,', 'Saludos cordiales,', 'Gracias,', 'Un abrazo,'],
    teams: ['Equipo de Atención al Cliente de {company}', 'Soporte {company}', 'Centro de ayuda de {company}'],
    contacts: ['Si necesita algo más, escríbanos a soporte@{domain} y lo revisaré.', 'Puede responder a este correo o escribir a ayuda@{domain} cuando quiera.', 'Para cualquier cosa, escríbame a {agentLower}@{domain}.'],
    noContact: ['Que tenga un buen día.', 'Gracias de nuevo por su paciencia.', 'Hasta pronto.'],
    companies: ['TiendaSol', 'EnvíosYa', 'BancoClaro', 'Hogarfit', 'Libros Norte'],
    topics: ['reembolso', 'envio', 'contrasena', 'factura', 'suscripcion', 'garantia', 'cambio'],
  },
  ca: {
    firstNames: ['Montse', 'Jordi', 'Núria', 'Pau', 'Anna', 'Marc', 'Laia', 'Oriol', 'Mireia', 'Arnau', 'Clara', 'Roger', 'Júlia'],
    surnames: ['Puig', 'Roca', 'Vidal', 'Ferrer', 'Soler', 'Serra', 'Font', 'Casals', 'Pujol', 'Camps', 'Vila'],
    titles: ['Sra.', 'Sr.'],
    greetings: ['Hola, {name},', 'Bon dia, {name},', 'Benvolguda {title} {surname},', 'Bona tarda, {name},', 'Hola {name},'],
    impersonalGreetings: ['Benvolgut client,', 'Benvolgut/da client/a,', 'Benvolgut usuari,', 'Estimat client,'],
    placeholderGreetings: ['Hola, [Nom del client],', 'Benvolgut [Nom del client],', 'Hola, {{client.nom}},'],
    days: ['dilluns', 'dimarts', 'dimecres', 'dijous', 'divendres'],
    times: ['les 9 h', 'les 11 h', 'les 13 h', 'les 16 h', 'les 17 h', 'les 18 h'],
    products: ['auriculars sense fil', 'taula elevable', 'molinet de cafè', 'jaqueta d\'hivern', 'sabatilles de córrer', 'pla anual', 'funda del mòbil', 'targeta regal'],
    clean: [
      'Gràcies per la paciència mentre revisàvem la comanda {order}.',
      'He comprovat el seguiment i el paquet va sortir del nostre magatzem el {day}.',
      'Avui hem emès el reemborsament de {amount}, que arribarà a la vostra targeta en cinc dies feiners.',
      'Us he enviat un enllaç nou per canviar la contrasenya; funciona durant 24 hores.',
      'L\'empresa de missatgeria ha confirmat el lliurament el {day} entre {time} i les 18 h.',
      'He afegit una nota al vostre compte perquè la propera factura surti amb l\'adreça correcta.',
      'El canvi de {product} ja està preparat i sortirà el {day}.',
      'No cal que ens retorneu l\'article; us el podeu quedar.',
      'Entenc que és molest esperar un lliurament que es va endarrerint.',
      'El càrrec duplicat era una preautorització i ja s\'ha alliberat.',
      'Hem allargat el període de prova fins al {date} perquè pugueu acabar l\'exportació.',
      'Us trucaré el {day} a {time} per revisar junts la configuració.',
      'No és culpa vostra: la pàgina de pagament va caducar abans de desar la comanda.',
      'Us adjunto la factura nova amb el NIF que ens vau indicar.',
      'La vostra subscripció continua activa i no heu de fer res més.',
      'Us respondrem el {day} abans de {time} amb l\'import final de la reparació.',
      'El codi de descompte BENVINGUDA10 ja funciona també amb {product}.',
    ],
    problems: [
      'Hem solucionat el seu problema i el compte torna a estar actiu.',
      'Lamentem el vostre problema amb {product}.',
      'Us respondrem al més aviat possible.',
      'Rebreu una resposta aviat.',
      'No podem retornar les despeses d\'enviament. És la política de l\'empresa.',
      'Malauradament, no podem modificar la comanda un cop enviada.',
      'Heu comès un error en escriure el codi postal.',
      'Com ja us vaig explicar, la garantia no cobreix els cops.',
      'És molt fàcil: simplement inicieu la sessió i premeu el botó.',
      'Consulteu la secció de preguntes freqüents per a més informació.',
      'El nostre sistema ha caigut i ara mateix no puc veure la comanda.',
      'Hem escalat el vostre cas a l\'equip tècnic.',
      'Lamentem les molèsties que això us hagi pogut ocasionar.',
      'Quedem a la vostra disposició per a qualsevol dubte.',
      'És culpa vostra que el paquet ens hagi tornat.',
      'Anem amb retard per falta de personal.',
    ],
    customerQuotes: [
      'La comanda {order} encara no ha arribat i ningú no em contesta.',
      'M\'heu cobrat dues vegades {product}. Arregleu-ho, si us plau.',
      'L\'aplicació em tanca la sessió cada vegada que l\'obro.',
      'Em vull donar de baixa, ara és el meu problema?',
      'On és el meu reemborsament? Ja fa dues setmanes.',
      'El paquet va arribar trencat. És culpa vostra, no meva.',
    ],
    quoteIntros: ['El {day}, {name} {surname} va escriure:', 'El dl., 3 de març 2025, {name} {surname} <{nameLower}@correu.example> va escriure:'],
    headings: ['Propers passos', 'El vostre reemborsament', 'Dades del lliurament', 'Què podeu provar', 'Resum', 'La comanda {order}'],
    listItems: [
      'Obriu **Configuració** i trieu *Compte*.',
      'Comproveu que la targeta acabada en `4242` encara és vàlida.',
      'El número de comanda és `{order}`.',
      'Lliurament: el {day}, de {time} a les 18 h.',
      'Import del reemborsament: **{amount}**.',
      'Teniu l\'etiqueta a la [pàgina de devolucions](https://{domain}/ajuda/{path}).',
      'Guardeu la capsa original si encara la teniu.',
      'Reinicieu l\'aplicació després d\'actualitzar-la.',
    ],
    linkTexts: ['la pàgina de seguiment', 'l\'historial de comandes', 'aquesta guia', 'el formulari de devolució'],
    signOffs: ['Salutacions,', 'Atentament,', 'Cordialment,', 'Gràcies,', 'Fins aviat,'],
    teams: ['Equip d\'Atenció al Client de {company}', 'Suport {company}', 'Centre d\'ajuda de {company}'],
    contacts: ['Si necessiteu res més, escriviu-nos a suport@{domain} i ho revisaré.', 'Podeu respondre aquest correu o escriure a ajuda@{domain} quan vulgueu.', 'Per a qualsevol cosa, escriviu-me a {agentLower}@{domain}.'],
    noContact: ['Que tingueu un bon dia.', 'Gràcies de nou per la paciència.', 'Fins aviat.'],
    companies: ['BotigaSol', 'EnviamentsJa', 'BancClar', 'Llarfit', 'Llibres Nord'],
    topics: ['reemborsament', 'enviament', 'contrasenya', 'factura', 'subscripcio', 'garantia', 'canvi'],
  },
};

/** Phrases the prh dictionary for textlint is built from: [pattern, expected] per language. */
export const PRH_PHRASES = {
  en: [
    ['your problem', 'the problem'], ['your issue', 'the issue'], ['your mistake', 'the mistake'],
    ['as soon as possible', 'by <day, time>'], ['company policy', '<the reason>'], ['our policy does not allow', '<the reason>'],
    ['Dear customer', 'Dear <name>'], ['Dear Sir/Madam', 'Dear <name>'], ['Dear valued customer', 'Dear <name>'],
    ['Unfortunately we cannot', 'We can'], ['You made a mistake', 'We noticed an issue'], ['As I already explained', 'To recap'],
    ['It is very easy', 'Here is how'], ['check our FAQ', '<the answer>'], ['Our system is down', '<what we do>'],
    ['We have escalated your case', '<the next step and when>'], ['We apologize for any inconvenience', 'Sorry'],
    ['do not hesitate to contact us', 'contact us'], ['It is your fault', '<what happened>'], ['short-staffed', '<what we do>'],
    ['Your call is important to us', '<the answer>'], ['Someone will contact you', '<name> will contact you on <day>'],
    ['[Customer Name]', '<the name>'], ['obviously', ''],
  ],
  es: [
    ['su problema', 'el problema'], ['tu problema', 'el problema'], ['su error', 'el error'], ['lo antes posible', 'el <día>'],
    ['en breve', 'el <día>'], ['política de la empresa', '<el motivo>'], ['Estimado cliente', 'Estimado/a <nombre>'],
    ['Lamentablemente, no podemos', 'Podemos'], ['ha cometido un error', 'hemos visto un detalle'], ['Como ya le expliqué', 'Resumiendo'],
    ['Es muy fácil', 'Así se hace'], ['preguntas frecuentes', '<la respuesta>'], ['El sistema está caído', '<lo que hacemos>'],
    ['Hemos escalado su caso', '<el paso siguiente>'], ['Sentimos las molestias', 'Lo sentimos'], ['No dude en contactarnos', 'Escríbanos'],
    ['Usted se equivoca', '<lo que pasó>'], ['falta de personal', '<lo que hacemos>'], ['Alguien se pondrá en contacto', '<nombre> le llamará'],
    ['[Nombre del cliente]', '<el nombre>'],
  ],
  ca: [
    ['el seu problema', 'el problema'], ['el vostre problema', 'el problema'], ['al més aviat possible', 'el <dia>'],
    ['política de l\'empresa', '<el motiu>'], ['Benvolgut client', 'Benvolgut/da <nom>'], ['Malauradament, no podem', 'Podem'],
    ['Heu comès un error', 'Hem vist un detall'], ['Com ja us vaig explicar', 'Resumint'], ['És molt fàcil', 'Es fa així'],
    ['preguntes freqüents', '<la resposta>'], ['El nostre sistema ha caigut', '<el que fem>'], ['Hem escalat el vostre cas', '<el pas següent>'],
    ['Lamentem les molèsties', 'Ho sentim'], ['Quedem a la vostra disposició', 'Escriviu-nos'], ['És culpa vostra', '<el que va passar>'],
    ['falta de personal', '<el que fem>'], ['[Nom del client]', '<el nom>'],
  ],
};

// ---------------------------------------------------------------------------------------------

function fill(template, ctx) {
  return template.replace(/\{(\w+)\}/g, (m, key) => (key in ctx ? ctx[key] : m));
}

function draftContext(r, bank) {
  const name = r.pick(bank.firstNames);
  const agent = r.pick(bank.firstNames);
  const company = r.pick(bank.companies);
  const domain = `${company.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.example`;
  const ascii = (s) => s.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  return {
    name,
    nameLower: ascii(name),
    surname: r.pick(bank.surnames),
    title: r.pick(bank.titles),
    agent,
    agentLower: ascii(agent),
    company,
    domain,
    order: `${r.pick(['SH', 'ORD', 'PX'])}-${r.int(100000, 999999)}`,
    amount: r.chance(0.5) ? `€${r.int(5, 400)}.${String(r.int(0, 99)).padStart(2, '0')}` : `${r.int(5, 400)},${String(r.int(0, 99)).padStart(2, '0')} €`,
    day: r.pick(bank.days),
    time: r.pick(bank.times),
    date: `${r.int(1, 28)}/${r.int(1, 12)}/2025`,
    product: r.pick(bank.products),
    path: r.pick(['returns', 'refunds', 'shipping/delays', 'account/password', 'billing/invoices']),
  };
}

/** Hard-wrap a paragraph at ~72 columns, as many mail clients do for plain text. */
function wrap(text, width = 72) {
  const words = text.split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/** Emphasis in Markdown: wraps one or two words of a sentence in ** or * or _. */
function emphasise(r, sentence) {
  const words = sentence.split(' ');
  if (words.length < 4) return sentence;
  const i = r.int(1, words.length - 2);
  const w = words[i];
  if (!/^[\p{L}]{4,}$/u.test(w)) return sentence;
  const mark = r.pick(['**', '*', '_']);
  words[i] = `${mark}${w}${mark}`;
  return words.join(' ');
}

/**
 * One draft: { text, lang, ext, lines, problems }.
 * opts.lang / opts.md force the language and format (for the single-draft case).
 */
export function generateDraft(r, opts) {
  const lang = opts.lang;
  const md = opts.md;
  const bank = BANKS[lang];
  const ctx = draftContext(r, bank);
  const target = r.int(6, 40);
  const problematic = r.chance(0.55);
  let problemBudget = problematic ? r.int(1, 4) : 0;
  let problems = 0;
  const hardWrap = !md && r.chance(0.4);
  const nextClean = r.drawer(bank.clean);
  const nextProblem = r.drawer(bank.problems);
  const nextItem = r.drawer(bank.listItems);
  const nextQuote = r.drawer(bank.customerQuotes);

  const sentence = (allowProblem) => {
    if (allowProblem && problemBudget > 0 && r.chance(0.45)) {
      problemBudget--;
      problems++;
      return fill(nextProblem(), ctx);
    }
    return fill(nextClean(), ctx);
  };
  const paragraph = () => {
    const n = r.int(1, 3);
    const parts = [];
    for (let i = 0; i < n; i++) {
      let s = sentence(true);
      if (md && r.chance(0.25)) s = emphasise(r, s);
      parts.push(s);
    }
    if (md && r.chance(0.2)) {
      const lead = lang === 'en' ? 'Details are on' : lang === 'es' ? 'Tiene los detalles en' : 'Teniu els detalls a';
      parts.push(`${lead} [${r.pick(bank.linkTexts)}](https://${ctx.domain}/help/${ctx.path}).`);
    }
    if (md && r.chance(0.15)) parts.push(lang === 'en' ? `The reference is \`${ctx.order}\`.` : lang === 'es' ? `La referencia es \`${ctx.order}\`.` : `La referència és \`${ctx.order}\`.`);
    const text = parts.join(' ');
    return hardWrap ? wrap(text) : [text];
  };

  // Greeting: by name, impersonal (a problem), or an unfilled placeholder (a problem).
  const head = [];
  if (md && r.chance(0.1)) head.push('---', `lang: ${lang}`, `title: ${fill(r.pick(bank.headings), ctx)}`, '---', '');
  const greetKind = problematic ? r.weighted([['name', 5], ['impersonal', 2], ['placeholder', 1]]) : 'name';
  if (greetKind !== 'name') problems++;
  head.push(fill(r.pick(greetKind === 'name' ? bank.greetings : greetKind === 'impersonal' ? bank.impersonalGreetings : bank.placeholderGreetings), ctx), '');

  // Sign-off, with or without a contact address (no address is a problem).
  const foot = [];
  const hasContact = problematic ? r.chance(0.6) : true;
  if (!hasContact) problems++;
  foot.push(fill(hasContact ? r.pick(bank.contacts) : r.pick(bank.noContact), ctx), '', r.pick(bank.signOffs), ctx.agent);
  if (r.chance(0.6)) foot.push(fill(r.pick(bank.teams), ctx));

  // Quoted customer words at the end (blockquote in Markdown, `>` lines in text), sometimes.
  const quote = [];
  if (md ? r.chance(0.45) : r.chance(0.35)) {
    quote.push('', fill(r.pick(bank.quoteIntros), ctx));
    const n = r.int(1, 3);
    for (let i = 0; i < n; i++) {
      if (i > 0) quote.push('>');
      quote.push(`> ${fill(nextQuote(), ctx)}`);
    }
  }

  const body = [];
  const room = () => target - head.length - foot.length - quote.length - body.length - 1;
  body.push(...paragraph(), '');
  let guard = 0;
  while (room() > 1 && guard++ < 30) {
    const kind = md
      ? r.weighted([['para', 5], ['list', 2], ['heading', 1.2], ['quote', 0.6], ['fence', 0.3]])
      : r.weighted([['para', 6], ['list', 0.8], ['quote', 0.6]]);
    let block;
    if (kind === 'para') block = paragraph();
    else if (kind === 'list') {
      const ordered = r.chance(0.35);
      const n = r.int(2, 4);
      const marker = r.pick(['-', '*']);
      block = [];
      for (let i = 0; i < n; i++) {
        const item = md ? fill(nextItem(), ctx) : fill(nextClean(), ctx);
        block.push(`${ordered ? `${i + 1}.` : marker} ${item}`);
      }
    } else if (kind === 'heading') {
      block = [`${r.pick(['##', '###', '**'])} ${fill(r.pick(bank.headings), ctx)}`.replace(/^\*\* (.*)$/, '**$1**')];
    } else if (kind === 'quote') {
      // the customer's words inline, as in a reply that answers point by point
      block = [`> ${fill(nextQuote(), ctx)}`];
    } else {
      block = ['```text', `order: ${ctx.order}`, `status: ${r.pick(['shipped', 'refunded', 'pending'])}`, '```'];
    }
    if (block.length + 1 > room() + 1) break;
    body.push(...block, '');
  }
  const lines = [...head, ...body, ...foot, ...quote];
  const text = lines.join('\n') + '\n';
  return { text, lang, ext: md ? 'md' : 'txt', lines: lines.length, problems };
}

/** A large Markdown draft of about `bytes` bytes (a long thread / macro export), cut at a block. */
export function generateLargeDraft(seed, bytes) {
  const r = makeRandom(seed);
  const parts = [];
  let size = 0;
  let n = 0;
  const enc = (s) => Buffer.byteLength(s, 'utf8');
  parts.push('# Reply history\n\n');
  while (size < bytes) {
    n++;
    const d = generateDraft(r, { lang: 'en', md: true });
    const section = `## Reply ${n}\n\n${d.text.replace(/^---\n[\s\S]*?\n---\n\n/, '')}\n`;
    parts.push(section);
    size += enc(section);
  }
  return parts.join('');
}

function pickLangAndFormat(r) {
  const lang = r.weighted([['en', 40], ['es', 35], ['ca', 25]]);
  const md = r.chance(0.6);
  return { lang, md };
}

/**
 * Writes the corpus under `dir` if dir/manifest.json is missing; returns the manifest.
 * Layout: drafts/p00 … drafts/p09 (1,000 drafts each; p00 is the 1,000-file subset),
 * single/reply.md (a ~20-line Markdown draft), large/draft-1mb.md, -2mb, -5mb.
 */
export function ensureCorpus(dir, { seed = DEFAULT_SEED, count = 10_000, log = () => {} } = {}) {
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
      if (m.generatorVersion === GENERATOR_VERSION && m.seed === seed && m.count === count) return { ...m, generated: false };
    } catch {
      /* regenerate */
    }
  }
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  log(`generating ${count.toLocaleString('en')} drafts + 1/2/5 MB drafts (seed ${seed}, generator v${GENERATOR_VERSION}) in ${dir}`);
  const r = makeRandom(seed);
  const stats = { files: 0, bytes: 0, md: 0, txt: 0, mdBytes: 0, en: 0, es: 0, ca: 0, withProblems: 0, lines: 0, subsetFiles: 0, subsetBytes: 0, subsetMd: 0 };
  const perDir = 1000;
  for (let i = 0; i < count; i++) {
    const { lang, md } = pickLangAndFormat(r);
    const d = generateDraft(r, { lang, md });
    const sub = `p${String(Math.floor(i / perDir)).padStart(2, '0')}`;
    const topic = r.pick(BANKS[lang].topics);
    const rel = join('drafts', sub, `${lang}-${topic}-${String(i).padStart(5, '0')}.${d.ext}`);
    const abs = join(tmp, rel);
    if (i % perDir === 0) mkdirSync(join(tmp, 'drafts', sub), { recursive: true });
    writeFileSync(abs, d.text);
    const b = Buffer.byteLength(d.text, 'utf8');
    stats.files++;
    stats.bytes += b;
    stats[d.ext]++;
    if (d.ext === 'md') stats.mdBytes += b;
    stats[lang]++;
    stats.lines += d.lines;
    if (d.problems > 0) stats.withProblems++;
    if (sub === 'p00') {
      stats.subsetFiles++;
      stats.subsetBytes += b;
      if (d.ext === 'md') stats.subsetMd++;
    }
  }

  // The single ~20-line Markdown draft: the first generated English Markdown draft of 19–21 lines
  // with at least one problem (a realistic pre-commit check of one file).
  const rs = makeRandom(seed + 1);
  let single;
  for (;;) {
    const d = generateDraft(rs, { lang: 'en', md: true });
    if (d.lines >= 19 && d.lines <= 21 && d.problems > 0) {
      single = d;
      break;
    }
  }
  mkdirSync(join(tmp, 'single'), { recursive: true });
  writeFileSync(join(tmp, 'single', 'reply.md'), single.text);

  mkdirSync(join(tmp, 'large'), { recursive: true });
  const big = generateLargeDraft(seed + 2, 5_000_000);
  const large = {};
  for (const mb of [1, 2, 5]) {
    // Prefixes of one long draft cut at a section boundary: same density at every size.
    let cut = big.length;
    if (mb < 5) {
      cut = big.indexOf('\n## Reply ', mb * 1_000_000);
      if (cut < 0) cut = big.length;
    }
    const text = big.slice(0, cut).replace(/\n*$/, '\n');
    const name = `draft-${mb}mb.md`;
    writeFileSync(join(tmp, 'large', name), text);
    large[`${mb}mb`] = { path: join('large', name), bytes: Buffer.byteLength(text, 'utf8') };
  }

  const manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    count,
    ...stats,
    single: { path: join('single', 'reply.md'), bytes: Buffer.byteLength(single.text, 'utf8'), lines: single.lines },
    large,
    createdAt: new Date().toISOString(),
  };
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { ...manifest, generated: true };
}

/** The prh dictionary (YAML) for textlint-rule-prh, from PRH_PHRASES and optional extra phrases. */
export function prhYaml(extra = []) {
  const seen = new Set();
  const entries = [];
  const add = (pattern, expected) => {
    const key = pattern.toLowerCase();
    if (!pattern.trim() || seen.has(key)) return;
    seen.add(key);
    entries.push([pattern, expected || '(rephrase)']);
  };
  for (const lang of Object.keys(PRH_PHRASES)) for (const [p, e] of PRH_PHRASES[lang]) add(p, e);
  for (const [p, e] of extra) add(p, e);
  const q = (s) => JSON.stringify(s); // JSON strings are valid YAML double-quoted scalars
  // prh escapes string patterns in a way its own `u` flag rejects ("\-"), so patterns are given
  // as regular expressions, escaped here, case-insensitive as replylint's phrases are.
  const re = (s) => `/${s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}/i`;
  const lines = ['version: 1', 'rules:'];
  for (const [p, e] of entries) lines.push(`  - expected: ${q(e)}`, `    pattern: ${q(re(p))}`);
  return { yaml: lines.join('\n') + '\n', count: entries.length };
}
