import { render } from 'preact';
import { CalendarPopup } from '../../components/calendar/CalendarPopup';
import { startPopup } from '../../components/calendar/popup-start';
import { PHASE } from '../../components/calendar/start-marks';
import { watchTodayPainted } from '../../components/calendar/today-shown';
import '../../components/calendar/styles.css';

performance.mark(PHASE.modules);
watchTodayPainted();
void startPopup().then((start) => {
  render(<CalendarPopup start={start} />, document.getElementById('app')!);
  performance.mark(PHASE.render);
});
