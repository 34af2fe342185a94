{{%AUTOESCAPE context="HTML"}}{{!
  pager.tpl: newer/older links.  NEWER_URL and OLDER_URL are paths with
  their query, built from numbers only.
}}<nav class="pager" aria-label="Pages">
{{#NEWER}}<a rel="prev" href="{{NEWER_URL}}">&larr; Newer</a>
{{/NEWER}}{{#OLDER}}<a rel="next" href="{{OLDER_URL}}">Older &rarr;</a>
{{/OLDER}}</nav>
