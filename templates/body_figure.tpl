{{%AUTOESCAPE context="HTML"}}{{!
  body_figure.tpl: a library image that an article's text shows
  (![note](media:ID)), with the library's alt text, caption and credit;
  lazily loaded, as it is below the top of the page.  In a feed entry,
  one plain JPEG (feed readers resolve src, not srcset).
}}<figure class="body-photo">{{#PAGE}}{{>PICTURE}}{{/PAGE}}{{#FEED}}<img src="{{SRC}}" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{ALT}}">{{/FEED}}{{#FIGCAPTION}}<figcaption>{{CAPTION}}{{#CREDIT}} <span class="credit">{{CREDIT}}</span>{{/CREDIT}}</figcaption>{{/FIGCAPTION}}</figure>
