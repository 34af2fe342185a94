{{%AUTOESCAPE context="HTML"}}{{!
  comment_body.tpl: a plain-text comment, as paragraphs and line breaks,
  its web addresses as links.  Every piece of text is escaped here; the
  markup comes only from this file.
}}{{#PARA}}<p>{{#LINE}}{{#BR}}<br>
{{/BR}}{{#SEG}}{{#TEXT}}{{T}}{{/TEXT}}{{#LINK}}<a href="{{URL}}" rel="nofollow ugc noopener">{{URL}}</a>{{/LINK}}{{/SEG}}{{/LINE}}</p>
{{/PARA}}
