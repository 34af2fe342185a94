{{%AUTOESCAPE context="HTML"}}{{!
  picture.tpl: a photograph in WebP, with JPEG for browsers without it;
  width and height reserve its room before it loads.
}}<picture><source type="image/webp" srcset="{{SRCSET_WEBP}}" sizes="{{SIZES}}"><img src="{{SRC}}" srcset="{{SRCSET_JPEG}}" sizes="{{SIZES}}" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{ALT}}"{{#EAGER}} fetchpriority="high" decoding="async"{{/EAGER}}{{#LAZY}} loading="lazy" decoding="async"{{/LAZY}}></picture>
