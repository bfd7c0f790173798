#!/usr/bin/env python3
"""Generates a synthetic portal of N linked pages (~10 KB each) for the crawl benchmark.

usage: gen_site.py N OUT_DIR [--seed S] [--external URL]

Pages look like a Mexican public entity's portal: header, main menu, breadcrumbs, an article in
Spanish with headings, a table, images (a few without alt), a form now and then, a side menu and a
footer with transparency and privacy links. Page i links to pages 20i+1 .. 20i+20 (so every page
is reachable, at depth about log20 N), to its parent, to the section indexes and to a few random
pages. Deterministic for a given seed.

The footer's link to the Plataforma Nacional de Transparencia (an off-site link, and one the
obligation packs follow as a page role) points at --external, by default a loopback address where
nothing listens: the benchmark must never reach the Internet. It is 127.0.0.2, not the server's
127.0.0.1: wget2 takes another port of the same address for the same host, follows the link and
retries the refused connection for minutes, which would make (d) measure its retry waits.
"""
import os
import random
import sys

WORDS = ("el la los las de del en para por con que se un una su sus al como más o y a "
         "programa apoyo vivienda trámite servicio ciudadanía gobierno estado municipio "
         "información pública transparencia rendición cuentas presupuesto ejercicio fiscal "
         "obra licitación contrato convocatoria requisito solicitud plazo dirección oficina "
         "atención horario lunes viernes documento formato registro padrón beneficiario "
         "secretaría instituto comisión consejo unidad coordinación desarrollo social salud "
         "educación cultura deporte agua medio ambiente seguridad protección civil economía "
         "turismo empleo capacitación mujer juventud familia niñas niños comunidad región "
         "norte sur centro colonia calle avenida número código postal teléfono correo").split()
# Stand-in for https://www.plataformadetransparencia.org.mx/ (see the module docstring).
EXTERNAL = "http://127.0.0.2:9/plataforma-nacional-de-transparencia/"
SECTIONS = ["Trámites y servicios", "Programas sociales", "Transparencia", "Obra pública",
            "Comunicación social", "Normatividad", "Participación ciudadana", "Contacto"]


def sentence(rng, n=None):
    n = n or rng.randint(9, 22)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(4, 7)))


def page_name(i):
    return "index.html" if i == 0 else "p/%d/%d.html" % (i // 1000, i)


def href(from_i, to_i):
    # Relative links, as a static site would have them.
    depth = 0 if from_i == 0 else 2
    return "../" * depth + page_name(to_i)


def render(i, n, rng):
    up = "../../" if i else ""
    title = "%s %d" % (rng.choice(["Aviso", "Programa", "Trámite", "Boletín", "Informe",
                                   "Convocatoria"]), i)
    out = []
    out.append('<!DOCTYPE html>\n<html lang="es-MX">\n<head>\n<meta charset="utf-8">\n'
               '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
               '<title>%s | Gobierno del Estado de Nuevo Santander</title>\n'
               '<link rel="stylesheet" href="%sestilos/portal.css">\n</head>\n<body>\n' % (title, up))
    out.append('<a class="saltar" href="#contenido">Saltar al contenido</a>\n<header class="encabezado">'
               '<a href="%sindex.html"><img src="%simg/escudo.png" alt="Gobierno del Estado de Nuevo '
               'Santander"></a>\n<nav aria-label="Menú principal"><ul>\n' % (up, up))
    for k, name in enumerate(SECTIONS):
        target = min(n - 1, 1 + k)
        out.append('<li><a href="%s">%s</a></li>\n' % (href(i, target), name))
    out.append('</ul></nav>\n<form action="%sbuscar.html" role="search"><label for="q">Buscar</label>'
               '<input id="q" name="q" type="search"><button type="submit">Buscar</button></form>\n'
               '</header>\n' % up)
    parent = (i - 1) // 20 if i else 0
    out.append('<nav aria-label="Ruta"><ol class="migas"><li><a href="%s">Inicio</a></li>'
               '<li><a href="%s">Sección %d</a></li><li aria-current="page">%s</li></ol></nav>\n'
               % (href(i, 0), href(i, parent), parent, title))
    out.append('<main id="contenido">\n<h1>%s</h1>\n<p class="fecha">Publicado el %d de %s de 2026</p>\n'
               % (title, rng.randint(1, 28), rng.choice(["enero", "marzo", "mayo", "agosto",
                                                         "octubre"])))
    for _ in range(rng.randint(3, 4)):
        out.append("<h2>%s</h2>\n<p>%s</p>\n<p>%s</p>\n<p>%s</p>\n"
                   % (sentence(rng, 5)[:-1], paragraph(rng), paragraph(rng), paragraph(rng)))
    alt = "" if rng.random() < 0.15 else ' alt="%s"' % sentence(rng, 6)[:-1]
    out.append('<figure><img src="%simg/foto-%d.jpg"%s width="640" height="360"></figure>\n'
               % (up, i % 50, alt))
    out.append('<table><caption>Calendario de atención</caption><tr><th scope="col">Oficina</th>'
               '<th scope="col">Horario</th></tr>\n')
    for _ in range(4):
        out.append("<tr><td>%s</td><td>%d:00 a %d:00</td></tr>\n"
                   % (sentence(rng, 3)[:-1], rng.randint(8, 10), rng.randint(14, 17)))
    out.append("</table>\n")
    if i % 7 == 0:
        out.append('<form action="%senviar.html" method="post"><p><label for="nombre">Nombre</label>'
                   '<input id="nombre" name="nombre"></p><p><input name="correo" type="email" '
                   'placeholder="Correo"></p><button>Enviar</button></form>\n' % up)
    out.append('<h2>Páginas relacionadas</h2>\n<ul class="relacionadas">\n')
    children = [c for c in range(20 * i + 1, 20 * i + 21) if c < n]
    extra = [rng.randrange(n) for _ in range(3)]
    for c in children + extra:
        out.append('<li><a href="%s">%s</a></li>\n' % (href(i, c), sentence(rng, 4)[:-1]))
    out.append("</ul>\n</main>\n")
    out.append('<footer class="pie"><p>Palacio de Gobierno, 15 y 16 Hidalgo, Zona Centro, C.P. 87000, '
               'Ciudad Victoria, Nuevo Santander. Tel. 834 318 9000.</p>\n<ul>'
               '<li><a href="%s">Transparencia</a></li><li><a href="%s">Aviso de privacidad</a></li>'
               '<li><a href="%s">Plataforma Nacional de '
               'Transparencia</a></li></ul>\n<p>Última actualización: 30/10/2026</p></footer>\n'
               '</body>\n</html>\n' % (href(i, min(n - 1, 3)), href(i, min(n - 1, 4)), EXTERNAL))
    return "".join(out)


def main():
    global EXTERNAL
    n = int(sys.argv[1])
    root = sys.argv[2]
    seed = 2026
    args = sys.argv[3:]
    while args:
        if args[0] == "--seed" and len(args) > 1:
            seed = int(args[1])
        elif args[0] == "--external" and len(args) > 1:
            EXTERNAL = args[1]
        else:
            sys.exit("usage: gen_site.py N OUT_DIR [--seed S] [--external URL]")
        args = args[2:]
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        path = os.path.join(root, page_name(i))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        text = render(i, n, rng)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    print("%d pages, %.1f KB on average" % (n, total / n / 1024.0))


if __name__ == "__main__":
    main()
