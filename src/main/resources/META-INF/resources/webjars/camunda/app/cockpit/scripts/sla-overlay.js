/*
 * OneDoor (一扇门): Cockpit plugin "期限状态" on a process definition's diagram. Each activity where cases wait is
 * painted by the SLA state of their clocks: green (all on time), amber (some due within two days), red (some
 * overdue), with the three counts above it. Counts come from our registry's clocks (GET /api/supervision/activity-sla,
 * the same figures as the supervisors' page), authenticated by the Cockpit login session; a person who is not a
 * supervisor gets no overlay. Loaded by config.js (customScripts); a frontend-only plugin, nothing to deploy.
 */
const API = '/api/supervision/activity-sla';
const STYLE_ID = 'onedoor-sla-style';
const STATES = {
  overdue: { fill: '#ffc9c9', stroke: '#e03131', label: '已逾期' },
  soon: { fill: '#ffec99', stroke: '#f08c00', label: '即将到期' },
  ok: { fill: '#d3f9d8', stroke: '#2f9e44', label: '按期' }
};

function addStyle() {
  if (document.getElementById(STYLE_ID)) {
    return;
  }
  const rules = Object.keys(STATES).map(state => `
    .djs-element.onedoor-sla-${state} .djs-visual > :nth-child(1) {
      fill: ${STATES[state].fill} !important; stroke: ${STATES[state].stroke} !important; stroke-width: 3px !important;
    }
    .onedoor-sla.onedoor-sla-${state} { border-color: ${STATES[state].stroke}; }`).join('');
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = rules + `
    .onedoor-sla { background: #fff; border: 2px solid; border-radius: 4px; padding: 1px 5px; font-size: 12px;
      white-space: nowrap; color: #1f2933; box-shadow: 0 1px 2px rgba(0,0,0,.2); }
    .onedoor-sla b { color: #e03131; } .onedoor-sla i { color: #f08c00; font-style: normal; }`;
  document.head.appendChild(style);
}

/** The key of "mediation:3:5f1c…", from the plugin's arguments or, failing those, from Cockpit's address. */
function processDefinitionKey(context) {
  const id = (context && context.processDefinitionId)
    || (/process-definition\/([^/?]+)/.exec(decodeURIComponent(window.location.hash)) || [])[1];
  return id ? id.split(':')[0] : null;
}

export default {
  id: 'onedoor.slaOverlay',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 20,
  render: (viewer, context) => {
    const key = processDefinitionKey(context);
    if (!key) {
      return;
    }
    addStyle();
    fetch(`${API}?processDefinitionKey=${encodeURIComponent(key)}`, {
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    })
      .then(response => (response.ok ? response.json() : null))
      .then(answer => {
        if (!answer) {
          return;
        }
        const overlays = viewer.get('overlays');
        const canvas = viewer.get('canvas');
        const registry = viewer.get('elementRegistry');
        answer.activities.forEach(activity => {
          if (!registry.get(activity.activityId)) {
            return;
          }
          const state = activity.overdue > 0 ? 'overdue' : activity.dueSoon > 0 ? 'soon' : 'ok';
          canvas.addMarker(activity.activityId, `onedoor-sla-${state}`);
          const badge = document.createElement('div');
          badge.className = `onedoor-sla onedoor-sla-${state}`;
          badge.setAttribute('data-activity', activity.activityId);
          badge.title = `${STATES[state].label}：按期 ${activity.onTime}，两日内到期 ${activity.dueSoon}，已逾期 ${activity.overdue}`;
          badge.innerHTML = `按期 ${activity.onTime} · <i>将到期 ${activity.dueSoon}</i> · <b>逾期 ${activity.overdue}</b>`;
          // scale min 1: the counts stay readable when Cockpit fits a large diagram into the view
          overlays.add(activity.activityId, 'onedoor-sla', { position: { top: -26, left: -4 }, scale: { min: 1 }, html: badge });
        });
      })
      .catch(() => undefined);
  }
};
